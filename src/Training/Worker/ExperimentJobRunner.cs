using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Platform;
using Microsoft.AspNetCore.SignalR.Client;

namespace MelanoGans.Training.Worker;

/// <summary>
/// Runs a class-imbalance experiment job: downloads the chosen generators next to the dataset, runs
/// <see cref="ImbalanceExperiment"/> with progress streamed over the hub (each finished classifier included), and
/// uploads results.json, which the server checks and stores for the Experiments page. An experiment has no
/// checkpoint: one that was interrupted starts over.
/// </summary>
internal sealed class ExperimentJobRunner(WorkerSettings settings, HubConnection hub, TrainingServerClient server)
{
    private const string ModelsFolder = "models";

    public async Task RunAsync(TrainingAssignment job, ExperimentJobOptions experiment, string dataset, string runPath, Action stop, CancellationToken cancel)
    {
        if (Directory.Exists(runPath)) Directory.Delete(runPath, recursive: true);
        var models = new Dictionary<string, ExperimentModelRef>(StringComparer.Ordinal);
        foreach (var model in job.Models ?? [])
        {
            settings.Log.WriteLine($"job {job.JobId}: downloading model {model.Id} ({model.Name})");
            // The folder's name becomes the synthetic arm's name: the model's display name, made safe for a path.
            var folder = Path.Combine(runPath, ModelsFolder, model.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SafeName(model.Name));
            await server.DownloadModelAsync(job.JobId, model.Id, folder, cancel);
            models[Path.GetFullPath(Path.Combine(folder, GeneratorManifest.OnnxFileName))] = model;
        }

        // Generators trained on this server name its dataset in their manifests: compare with that name, not the folder.
        var options = new ImbalanceOptions(experiment, dataset) { Models = [.. models.Keys], DatasetName = job.DatasetName, Threads = settings.Threads }.Validate();
        await hub.InvokeAsync(TrainingHubContract.ReportStarted, job.JobId, new TrainingStart(0, 0, NativeRuntime.NameOf(NativeRuntime.DefaultDevice)), cancel);

        var result = await StreamedWork.RunAsync<ExperimentProgress, ImbalanceExperimentResult>(
            report => ImbalanceExperiment.Run(options, runPath, settings.Log, report, cancel),
            progress => hub.InvokeAsync(TrainingHubContract.ReportExperimentProgress, job.JobId, progress, CancellationToken.None),
            stop,
            settings.Threads);

        // The stored result names the server's models, not this worker's download folders.
        var stored = result with
        {
            Arms = [.. result.Arms.Select(a => a.Model is { } path && models.TryGetValue(path, out var model)
                ? a with { Model = $"model {model.Id} ({model.Name})" }
                : a)],
        };
        var (accepted, body) = await server.UploadExperimentResultAsync(job.JobId, JsonSerializer.Serialize(stored, ImbalanceExperimentResult.Json), CancellationToken.None);
        settings.Log.WriteLine(accepted ? $"job {job.JobId}: results stored {body}" : $"job {job.JobId}: the server refused the results: {body}");
    }

    private static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. name.Trim().Select(c => invalid.Contains(c) ? '-' : c)]).Trim('.', ' ');
        return safe.Length == 0 ? "model" : safe;
    }
}
