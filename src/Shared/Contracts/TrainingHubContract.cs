namespace MelanoGans.Shared.Contracts;

/// <summary>
/// The SignalR contract between the server's training hub and <c>melanogans worker</c>. Both sides use these
/// names so a rename breaks the build, not a live run. Large payloads (dataset, grids, the model) travel over
/// HTTP at the routes below, authenticated by the same worker bearer token.
/// </summary>
public static class TrainingHubContract
{
    /// <summary>Path of the hub on the server.</summary>
    public const string Path = "/hubs/training";

    /// <summary>Worker → server: <see cref="WorkerHello"/> in, <see cref="TrainingAssignment"/> (or null when nothing is queued) out. Atomic: one job goes to one worker.</summary>
    public const string Claim = "Claim";

    /// <summary>Worker → server: (jobId, <see cref="TrainingStart"/>) once the run directory is ready; ticks after its step are replaced.</summary>
    public const string ReportStarted = "ReportStarted";

    /// <summary>Worker → server: (jobId, <see cref="TrainingTick"/>) at every tick of the trainer.</summary>
    public const string ReportTick = "ReportTick";

    /// <summary>Worker → server: (jobId, <see cref="ExperimentProgress"/>) while an experiment runs and as each classifier finishes.</summary>
    public const string ReportExperimentProgress = "ReportExperimentProgress";

    /// <summary>Worker → server: (jobId, <see cref="MetricsProgress"/>) while a metrics job computes features.</summary>
    public const string ReportMetricsProgress = "ReportMetricsProgress";

    /// <summary>Worker → server: (jobId, step) after a cancel request stopped the run (its checkpoint is kept).</summary>
    public const string ReportCancelled = "ReportCancelled";

    /// <summary>Worker → server: (jobId, message) when the run cannot go on.</summary>
    public const string ReportFailed = "ReportFailed";

    /// <summary>Server → worker: (jobId) an admin cancelled the job.</summary>
    public const string CancelJob = "CancelJob";

    /// <summary>Server → workers: a job was queued; idle workers try to claim.</summary>
    public const string JobQueued = "JobQueued";

    /// <summary>GET: the job's dataset as a zip of PNGs plus <c>manifest.csv</c> (file,label).</summary>
    public static string DatasetRoute(long jobId) => $"/api/training/jobs/{jobId}/dataset";

    /// <summary>POST image/png: the fixed-latent sample grid at a step.</summary>
    public static string GridRoute(long jobId, long step) => $"/api/training/jobs/{jobId}/grids/{step}";

    /// <summary>POST multipart (<c>onnx</c>, <c>manifest</c>): the exported generator; the server registers it.</summary>
    public static string ModelRoute(long jobId) => $"/api/training/jobs/{jobId}/model";

    /// <summary>GET: a file (<c>generator.onnx</c> or <c>generator.json</c>) of a model the job's experiment or metrics use.</summary>
    public static string ExperimentModelRoute(long jobId, int modelId, string file) => $"/api/training/jobs/{jobId}/models/{modelId}/{file}";

    /// <summary>POST application/json: the experiment's results.json; the server checks and stores it and the job succeeds.</summary>
    public static string ExperimentResultRoute(long jobId) => $"/api/training/jobs/{jobId}/experiment-result";

    /// <summary>POST application/json: a metrics job's <see cref="MetricsUpload"/>; the server stores it on the model and the job succeeds.</summary>
    public static string MetricsResultRoute(long jobId) => $"/api/training/jobs/{jobId}/metrics-result";
}
