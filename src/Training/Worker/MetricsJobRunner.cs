using System.Globalization;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Data;
using MelanoGans.Training.Metrics;
using Microsoft.AspNetCore.SignalR.Client;

namespace MelanoGans.Training.Worker;

/// <summary>
/// Runs a metrics job: downloads the model, takes the dataset's images of the model's class (the first
/// <see cref="MetricsJobOptions.MaxImages"/> by content address), samples as many from the generator, computes what
/// <c>melanogans metrics</c> computes (features cached beside the runs), and uploads the figures and the gallery of
/// closest pairs. Nothing to resume: an interrupted job starts over, with the real features already cached.
/// </summary>
internal sealed class MetricsJobRunner(WorkerSettings settings, HubConnection hub, TrainingServerClient server)
{
    public async Task RunAsync(TrainingAssignment job, MetricsJobOptions metrics, string dataset, string runPath, Action stop, CancellationToken cancel)
    {
        var modelFolder = Path.Combine(runPath, "model");
        await server.DownloadModelAsync(job.JobId, metrics.ModelId, modelFolder, cancel);
        var realFiles = RealFiles(dataset, metrics);
        var total = 2L * realFiles.Count;
        await hub.InvokeAsync(TrainingHubContract.ReportStarted, job.JobId, new TrainingStart(0, total, "cpu"), cancel);

        var upload = await StreamedWork.RunAsync<MetricsProgress, MetricsUpload>(
            report => Compute(metrics, realFiles, Path.Combine(modelFolder, GeneratorManifest.OnnxFileName), report, cancel),
            progress => hub.InvokeAsync(TrainingHubContract.ReportMetricsProgress, job.JobId, progress, CancellationToken.None),
            stop,
            settings.Threads);
        var (accepted, body) = await server.UploadMetricsAsync(job.JobId, upload, CancellationToken.None);
        settings.Log.WriteLine(accepted ? $"job {job.JobId}: metrics stored {body}" : $"job {job.JobId}: the server refused the metrics: {body}");
    }

    /// <summary>The dataset's files of the model's class, first by content address (their file names), at most MaxImages.</summary>
    private static List<string> RealFiles(string dataset, MetricsJobOptions metrics)
    {
        var files = DatasetManifest.Read(dataset, "the dataset download has no manifest.csv")
            .Where(r => metrics.Class is null || string.Equals(r.Label, metrics.Class, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.File)
            .Order(StringComparer.Ordinal)
            .Take(metrics.MaxImages)
            .Select(f => Path.Combine(dataset, f))
            .ToList();
        return files.Count >= 2
            ? files
            : throw new InvalidDataException($"the dataset has {files.Count} image(s) of class {metrics.Class ?? "any"}; metrics need at least 2");
    }

    private MetricsUpload Compute(MetricsJobOptions metrics, List<string> realFiles, string onnx, Action<MetricsProgress> report, CancellationToken cancel)
    {
        var n = realFiles.Count;
        var threads = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount;
        using var extractor = FeatureExtractor.Open(metrics.Extractor, threads);
        report(new MetricsProgress(0, 2L * n, $"Generating {n} images."));
        var generated = GeneratedSet.Generate(onnx, n, metrics.Seed, threads);
        cancel.ThrowIfCancellationRequested();
        // Dataset images share one size (the import normalises them).
        var realSide = ImageDecoding.Identify(realFiles[0]).Width;
        var common = MetricsSets.ComparedAt(realSide, generated[0].Width)!.Value;
        var sets = new MetricsSets(extractor, Path.Combine(settings.RunsRoot, "feature-cache"));
        var stage = string.Create(CultureInfo.InvariantCulture, $"Features of {n} real images at {common}x{common} ({extractor.Manifest.Name}).");
        var real = sets.FromFiles(realFiles, realSide, common, Progress(0, stage));
        cancel.ThrowIfCancellationRequested();
        var fake = sets.FromImages(generated, common, Progress(n, $"Features of {n} generated images."));
        var outcome = MetricsOutcome.Compute(extractor.Manifest.Name, real, fake, (int)metrics.Seed);
        return new MetricsUpload(
            outcome.Report,
            outcome.Pixels.Share,
            [.. outcome.Features.Closest.Take(MetricsUpload.GalleryPairs).Select(c => new MemorisationPairUpload(
                ImageCodec.EncodePng(generated[c.FakeIndex]), Path.GetFileNameWithoutExtension(realFiles[c.TrainIndex]), c.Distance, c.SecondRatio))]);

        // Progress of one set, offset by the images before it; stops the work at the next batch when cancelled.
        IProgress<int> Progress(long before, string text) => new Progress(done =>
        {
            cancel.ThrowIfCancellationRequested();
            report(new MetricsProgress(before + done, 2L * n, text));
        });
    }

    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
