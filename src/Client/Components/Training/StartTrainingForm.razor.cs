using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Components.Training;

/// <summary>The start-a-run form; reports the new job's id to the page.</summary>
public partial class StartTrainingForm
{
    private const string AllClasses = "";
    private static readonly int[] Resolutions = [32, 64, 128, 256];
    private static readonly TrainingJobOptions Defaults = new();

    [Inject] private ITrainingJobs Jobs { get; set; } = default!;
    [Inject] private IDatasetCatalog Datasets { get; set; } = default!;

    /// <summary>Raised with the id of the queued job.</summary>
    [Parameter] public EventCallback<long> OnStarted { get; set; }

    private IReadOnlyList<DatasetSummary> _datasets = [];
    private IReadOnlyList<string> _errors = [];
    private bool _busy;
    private int _datasetId;
    private int _epochs = Defaults.Epochs;
    private long? _maxSteps = Defaults.MaxSteps;
    private int _batch = Defaults.Batch;
    private double _lr = Defaults.Lr;
    private string _loss = Defaults.Loss;
    private long _seed = Defaults.Seed;
    private long _tickEvery = Defaults.TickEvery;
    private long _snapshotEvery = Defaults.SnapshotEvery;
    private int _latent = Defaults.Latent;
    private int _width = Defaults.Width;
    private double _r1 = Defaults.R1;
    private double _ema = Defaults.Ema;
    private bool _diffAug = Defaults.DiffAug;
    private long _metricEvery = Defaults.MetricEvery;
    private bool _holdOut;
    private double _holdOutFraction = new ExperimentJobOptions().TestFraction;
    private long _holdOutSeed;

    private string Architecture { get; set; } = Defaults.Architecture;

    private int Resolution { get; set; } = Defaults.Resolution;

    private string ClassName { get; set; } = AllClasses;

    private IReadOnlyList<LabelCount> Labels => _datasets.FirstOrDefault(d => d.Id == _datasetId)?.CountsByLabel ?? [];

    protected override async Task OnInitializedAsync()
    {
        _datasets = (await Datasets.ListAsync()).Where(d => d.State == "Ready" && d.ImageCount > 0).ToList();
        _datasetId = _datasets.FirstOrDefault()?.Id ?? 0;
    }

    private void SelectDataset(int id)
    {
        _datasetId = id;
        ClassName = AllClasses;
    }

    private async Task StartAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var options = new TrainingJobOptions
            {
                Architecture = Architecture,
                Resolution = Resolution,
                DatasetId = _datasetId,
                Class = ClassName == AllClasses ? null : ClassName,
                Epochs = _epochs,
                MaxSteps = _maxSteps,
                Loss = _loss,
                Batch = _batch,
                Lr = _lr,
                Seed = _seed,
                Latent = _latent,
                Width = _width,
                DiffAug = _diffAug,
                R1 = _r1,
                Ema = _ema,
                TickEvery = _tickEvery,
                SnapshotEvery = _snapshotEvery,
                MetricEvery = _metricEvery,
                HeldOut = _holdOut ? new HeldOutSplit(_holdOutFraction, _holdOutSeed) : null,
            };
            var (result, id) = await Jobs.StartAsync(options);
            _errors = result.Errors;
            if (result.Succeeded && id is { } jobId) await OnStarted.InvokeAsync(jobId);
        }
        finally
        {
            _busy = false;
        }
    }
}
