using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Worker;

/// <summary>The worker's HTTP calls: dataset download, grid and model uploads, each with the bearer token.</summary>
public sealed class TrainingServerClient : IDisposable
{
    private const string CompleteMarker = ".complete";
    private readonly HttpClient http;

    public TrainingServerClient(WorkerSettings settings)
    {
        http = settings.HttpHandler is null ? new HttpClient() : new HttpClient(settings.HttpHandler, disposeHandler: false);
        http.BaseAddress = settings.Server;
        http.Timeout = TimeSpan.FromMinutes(30);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
    }

    /// <summary>
    /// The job's dataset as an image folder with manifest.csv, downloaded once per run key: a resumed job reuses
    /// the folder (the run's saved options point at it).
    /// </summary>
    public async Task<string> DownloadDatasetAsync(TrainingAssignment assignment, string root, CancellationToken ct)
    {
        var folder = Path.Combine(root, "datasets", assignment.RunKey);
        if (File.Exists(Path.Combine(folder, CompleteMarker))) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);

        var zipPath = folder + ".zip";
        using (var response = await http.GetAsync(TrainingHubContract.DatasetRoute(assignment.JobId), HttpCompletionOption.ResponseHeadersRead, ct))
        {
            await EnsureSuccessAsync(response, "dataset download", ct);
            await using var file = File.Create(zipPath);
            await response.Content.CopyToAsync(file, ct);
        }

        await ZipFile.ExtractToDirectoryAsync(zipPath, folder, overwriteFiles: true, ct);
        File.Delete(zipPath);
        await File.WriteAllTextAsync(Path.Combine(folder, CompleteMarker), assignment.DatasetName, ct);
        return folder;
    }

    public async Task UploadGridAsync(long jobId, long step, string pngPath, CancellationToken ct)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(pngPath, ct));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await http.PostAsync(TrainingHubContract.GridRoute(jobId, step), content, ct);
        await EnsureSuccessAsync(response, "grid upload", ct);
    }

    /// <summary>Uploads generator.onnx + generator.json; the server registers the model. Returns the server's answer.</summary>
    public async Task<(bool Accepted, string Body)> UploadModelAsync(long jobId, string onnxPath, byte[] manifestJson, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var onnx = new StreamContent(File.OpenRead(onnxPath));
        onnx.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(onnx, "onnx", GeneratorManifest.OnnxFileName);
        var manifest = new ByteArrayContent(manifestJson);
        manifest.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(manifest, "manifest", GeneratorManifest.FileName);
        using var response = await http.PostAsync(TrainingHubContract.ModelRoute(jobId), form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (response.IsSuccessStatusCode, body);
    }

    /// <summary>Downloads generator.onnx and generator.json of a model the job's experiment or metrics use into <paramref name="folder"/>.</summary>
    public async Task DownloadModelAsync(long jobId, int modelId, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { GeneratorManifest.OnnxFileName, GeneratorManifest.FileName })
        {
            using var response = await http.GetAsync(TrainingHubContract.ExperimentModelRoute(jobId, modelId, file), HttpCompletionOption.ResponseHeadersRead, ct);
            await EnsureSuccessAsync(response, $"model {modelId} download", ct);
            await using var target = File.Create(Path.Combine(folder, file));
            await response.Content.CopyToAsync(target, ct);
        }
    }

    /// <summary>Uploads an experiment's results.json; the server checks and stores it. Returns the server's answer.</summary>
    public async Task<(bool Accepted, string Body)> UploadExperimentResultAsync(long jobId, string json, CancellationToken ct)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(TrainingHubContract.ExperimentResultRoute(jobId), content, ct);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Uploads a metrics job's figures and gallery; the server stores them on the model. Returns the server's answer.</summary>
    public async Task<(bool Accepted, string Body)> UploadMetricsAsync(long jobId, MetricsUpload upload, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(TrainingHubContract.MetricsResultRoute(jobId), upload, ct);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new HttpRequestException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body}".Trim(), null, response.StatusCode);
    }
}
