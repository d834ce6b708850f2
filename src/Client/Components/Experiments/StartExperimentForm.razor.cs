using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Components.Experiments;

/// <summary>The start-an-experiment form; reports the queued job's id to the page. The server checks everything again.</summary>
public partial class StartExperimentForm
{
    private static readonly int[] Resolutions = [32, 64, 128, 256];
    private static readonly ExperimentJobOptions Defaults = new();

    [Inject] private IExperimentResults Experiments { get; set; } = default!;
    [Inject] private IDatasetCatalog Datasets { get; set; } = default!;
    [Inject] private IModelCatalog Models { get; set; } = default!;

    /// <summary>Raised with the id of the queued experiment job.</summary>
    [Parameter] public EventCallback<long> OnStarted { get; set; }

    private IReadOnlyList<DatasetSummary> _datasets = [];
    private IReadOnlyList<ModelSummary> _models = [];
    private readonly HashSet<int> _chosen = [];
    private IReadOnlyList<string> _errors = [];
    private bool _busy;
    private int _datasetId;
    private int _resolution = Defaults.Resolution;
    private double _removeFraction = Defaults.RemoveFraction;
    private double _testFraction = Defaults.TestFraction;
    private long _splitSeed = Defaults.SplitSeed;
    private int _seeds = Defaults.Seeds;
    private int? _epochs = ImbalanceSettings.DefaultEpochs;
    private int? _steps;
    private int _batch = Defaults.Batch;
    private int _width = Defaults.Width;
    private string _syntheticTarget = Defaults.SyntheticTarget;

    private DatasetSummary? SelectedDataset => _datasets.FirstOrDefault(d => d.Id == _datasetId);

    /// <summary>The split the chosen dataset and fractions give, computed as the trainer will.</summary>
    private ImbalanceSplitPlan? PlanFor(DatasetSummary? dataset) =>
        dataset is null ? null : ImbalanceSplitPlan.From(dataset.CountsByLabel, _testFraction, _removeFraction);

    protected override async Task OnInitializedAsync()
    {
        _datasets = (await Datasets.ListAsync()).Where(d => d.State == "Ready" && d.ImageCount > 0).ToList();
        _datasetId = _datasets.FirstOrDefault()?.Id ?? 0;
        _models = await Models.ListAsync();
        // Preselect what fits at the default resolution: usually the melanoma generators the team just trained.
        _chosen.UnionWith(_models.Where(m => MisfitOf(m) is null).Select(m => m.Id));
    }

    private void Toggle(int id, bool on)
    {
        if (on) _chosen.Add(id);
        else _chosen.Remove(id);
    }

    private ModelMisfit? MisfitOf(ModelSummary model) => ImbalanceModelRules.Misfit(model.Class, model.Resolution, _resolution);

    /// <summary>The short form of <see cref="ImbalanceModelRules.Problem"/>'s reason, for the line beside the model.</summary>
    private static string FitNote(ModelSummary model, ModelMisfit misfit) => misfit switch
    {
        ModelMisfit.AllClasses => "trained on all classes: the experiment needs a melanoma generator",
        ModelMisfit.OtherClass => $"trained on {model.Class}: the experiment needs a melanoma generator",
        _ => $"makes {model.Resolution} px images: choose resolution {model.Resolution} to use it",
    };

    /// <summary>Whether the generator has seen this experiment's test melanomas (trained on this dataset without holding them out).</summary>
    private string? LeakOf(ModelSummary model, DatasetSummary? dataset) => dataset is null
        ? null
        : ImbalanceModelRules.LeakWarning(model.Dataset, model.HeldOut, dataset.Name, _testFraction, _splitSeed);

    private async Task StartAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var options = new ExperimentJobOptions
            {
                Resolution = _resolution,
                RemoveFraction = _removeFraction,
                TestFraction = _testFraction,
                SplitSeed = _splitSeed,
                Seeds = _seeds,
                Epochs = _epochs,
                Steps = _steps,
                Batch = _batch,
                Width = _width,
                SyntheticTarget = _syntheticTarget,
                // Only what fits now: a model checked at another resolution stays remembered but is not sent.
                ModelIds = [.. _models.Where(m => _chosen.Contains(m.Id) && MisfitOf(m) is null).Select(m => m.Id)],
            };
            var (result, id) = await Experiments.StartAsync(_datasetId, options);
            _errors = result.Errors;
            if (result.Succeeded && id is { } jobId) await OnStarted.InvokeAsync(jobId);
        }
        finally
        {
            _busy = false;
        }
    }
}
