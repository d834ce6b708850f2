using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MelanoGans.Client.Pages.Admin;

/// <summary>
/// Admins upload and inspect generators and run generation jobs: progress bars while a job runs, then
/// the pool's gallery (images over HTTP by content address, never through the circuit).
/// </summary>
public partial class ModelsPage
{
    private sealed record Notice(Severity Severity, IReadOnlyList<string> Lines);

    private sealed record Upload(string Name, byte[] Bytes);

    private const int GalleryPageSize = 120;

    /// <summary>Images a job may add before the open gallery is read again (progress arrives every batch).</summary>
    private static readonly TimeSpan GalleryRefreshInterval = TimeSpan.FromMilliseconds(400);

    [Inject] private IModelCatalog Catalog { get; set; } = default!;
    [Inject] private IJobProgressFeed Progress { get; set; } = default!;
    [Inject] private IModelMetrics MetricsService { get; set; } = default!;
    [Inject] private IDatasetCatalog DatasetCatalog { get; set; } = default!;

    private IReadOnlyList<ModelSummary>? _models;
    private IReadOnlyList<GeneratedPoolSummary>? _pools;
    private Dictionary<int, ModelMetricsView> _metrics = [];
    private IReadOnlyList<TrainingJobSummary> _metricsJobs = [];
    private IReadOnlyList<DatasetSummary> _datasets = [];
    private InferenceDeviceInfo? _device;
    private ModelSummary? _selected;
    private GeneratedPoolSummary? _galleryPool;
    private GeneratedImagePage? _gallery;
    private int _galleryTake = GalleryPageSize;
    private DateTime _galleryReadAt;
    private Upload? _onnx;
    private Upload? _manifest;
    private int _count = 16;
    private long _seed;
    private double _truncation;
    private string _poolName = "";
    private bool _busy;
    private Notice? _notice;
    private bool _refreshing;
    private bool _refreshAgain;

    private IEnumerable<JobProgress> ActiveJobs => _pools is null
        ? []
        : _pools.Select(p => Progress.Current.FirstOrDefault(j => j.JobId == p.JobId)
                ?? new JobProgress(p.JobId, "generation", $"Generating {p.Name}", p.ImageCount, p.RequestedCount, p.State, null))
            .Where(j => !j.IsFinished);

    protected override async Task OnInitializedAsync()
    {
        Subscribe<JobProgress>(OnProgressAsync, p => p.Kind == "generation");
        Subscribe<ModelRegistered>(async _ => _models = await Catalog.ListAsync());
        Subscribe<TrainingUpdate>(OnMetricsJobAsync, u => u.Job.Kind == WorkerJobKind.Metrics);
        _device = await Catalog.DeviceAsync();
        _models = await Catalog.ListAsync();
        _datasets = (await DatasetCatalog.ListAsync()).Where(d => d.State == "Ready").ToList();
        await ReadMetricsAsync();
        // A link from a training job (?model=N) opens that model; otherwise the newest.
        if ((_models.FirstOrDefault(m => m.Id == ModelId) ?? _models.FirstOrDefault()) is { } first) await SelectModelAsync(first);
    }

    /// <summary>The model to open first, from a link (<c>?model=N</c>).</summary>
    [SupplyParameterFromQuery(Name = "model")]
    public int? ModelId { get; set; }

    private async Task SelectModelAsync(ModelSummary model)
    {
        _selected = model;
        _pools = await Catalog.PoolsAsync(model.Id);
        var open = _pools.FirstOrDefault(p => p.Id == _galleryPool?.Id) ?? _pools.FirstOrDefault();
        if (open is null) _galleryPool = null;
        else await OpenPoolAsync(open);
    }

    private async Task OpenPoolAsync(GeneratedPoolSummary pool)
    {
        if (pool.Id != _galleryPool?.Id) _galleryTake = GalleryPageSize;
        _galleryPool = pool;
        _gallery = await Catalog.PoolImagesAsync(pool.Id, 0, _galleryTake);
        _galleryReadAt = DateTime.UtcNow;
    }

    private async Task ShowMoreAsync()
    {
        _galleryTake += GalleryPageSize;
        if (_galleryPool is not null) await OpenPoolAsync(_galleryPool);
    }

    private async Task ReadUploadAsync(InputFileChangeEventArgs e, bool onnx)
    {
        try
        {
            // The server checks the size again; this limit only stops the circuit from streaming a huge file.
            await using var stream = e.File.OpenReadStream(maxAllowedSize: 1L << 30);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            var upload = new Upload(e.File.Name, buffer.ToArray());
            if (onnx) _onnx = upload;
            else _manifest = upload;
        }
        catch (IOException ex)
        {
            _notice = new Notice(Severity.Error, [$"Could not read {e.File.Name}: {ex.Message}"]);
        }
    }

    private Task UploadAsync() => RunAsync(async () =>
    {
        var result = await Catalog.UploadAsync(_onnx!.Bytes, _manifest!.Bytes);
        if (!result.Succeeded) return new Notice(Severity.Error, ["The model was refused:", .. result.Errors]);
        var name = _onnx.Name;
        _onnx = _manifest = null;
        _models = await Catalog.ListAsync();
        await SelectModelAsync(_models[0]);
        return new Notice(Severity.Success, [$"{name} passed every check and is registered as {_models[0].Name}."]);
    });

    private Task GenerateAsync() => RunAsync(async () =>
    {
        var request = new GenerationRequest(_selected!.Id, _count, _seed, _truncation > 0 ? _truncation : null, _poolName);
        var (result, poolId) = await Catalog.StartGenerationAsync(request);
        if (!result.Succeeded) return new Notice(Severity.Error, result.Errors);
        _poolName = "";
        _pools = await Catalog.PoolsAsync(_selected.Id);
        await OpenPoolAsync(_pools.First(p => p.Id == poolId));
        return null;
    });

    private Task CancelAsync(JobProgress job) => RunAsync(async () =>
    {
        var poolId = _pools!.First(p => p.JobId == job.JobId).Id;
        var result = await Catalog.CancelGenerationAsync(poolId);
        return result.Succeeded ? null : new Notice(Severity.Warning, result.Errors);
    });

    // Progress arrives every batch, faster than a refresh: one refresh runs at a time and one more follows if
    // progress came meanwhile. It re-reads the pools, and the open gallery when it has new images and its job has
    // finished or a moment has passed.
    private async Task OnProgressAsync(JobProgress progress)
    {
        if (_selected is null) return;
        if (_refreshing)
        {
            _refreshAgain = true;
            return;
        }
        _refreshing = true;
        try
        {
            do
            {
                _refreshAgain = false;
                if (_selected is null) return;
                _pools = await Catalog.PoolsAsync(_selected.Id);
                var open = _pools.FirstOrDefault(p => p.Id == _galleryPool?.Id);
                var finished = open?.State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
                if (open is not null && open.ImageCount != _gallery?.Total && (finished || DateTime.UtcNow - _galleryReadAt > GalleryRefreshInterval))
                    await OpenPoolAsync(open);
                else if (open is not null)
                    _galleryPool = open;
            }
            while (_refreshAgain);
        }
        finally
        {
            _refreshing = false;
        }
    }

    private async Task ReadMetricsAsync()
    {
        _metrics = (await MetricsService.LatestAsync()).ToDictionary(m => m.ModelId);
        _metricsJobs = await MetricsService.JobsAsync();
    }

    // A metrics job moved: its progress bar follows; when it ends, the figures are read again.
    private async Task OnMetricsJobAsync(TrainingUpdate update)
    {
        if (update.Job.IsFinished) await ReadMetricsAsync();
        else _metricsJobs = [update.Job, .. _metricsJobs.Where(j => j.Id != update.Job.Id)];
    }

    private TrainingJobSummary? MetricsJobOf(ModelSummary model) =>
        _metricsJobs.Where(j => j.Options.Metrics?.ModelId == model.Id).MaxBy(j => j.Id);

    private Task StartMetricsAsync(int? datasetId) => RunAsync(async () =>
    {
        var (result, _) = await MetricsService.StartAsync(_selected!.Id, datasetId);
        if (!result.Succeeded) return new Notice(Severity.Error, result.Errors);
        _metricsJobs = await MetricsService.JobsAsync();
        return null;
    });

    private Task CancelMetricsAsync(long jobId) => RunAsync(async () =>
    {
        var result = await MetricsService.CancelAsync(jobId);
        return result.Succeeded ? null : new Notice(Severity.Warning, result.Errors);
    });

    private double MetricOf(ModelSummary model, Func<ModelMetricsView, double> value) =>
        _metrics.TryGetValue(model.Id, out var m) ? value(m) : double.MaxValue;

    private string Shown(ModelSummary model, Func<ModelMetricsView, string> value) =>
        _metrics.TryGetValue(model.Id, out var m) ? value(m) : "—";

    private async Task RunAsync(Func<Task<Notice?>> operation)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            _notice = await operation();
        }
        finally
        {
            _busy = false;
        }
    }

    private static Color StateColour(JobState state) => state switch
    {
        JobState.Succeeded => Color.Success,
        JobState.Failed => Color.Error,
        JobState.Cancelled => Color.Warning,
        _ => Color.Info,
    };

    private static string FileSize(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MB" : $"{bytes / 1024.0:0} KB";
}
