using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Components.Studies;

/// <summary>Edits a <see cref="StudySetup"/> in place; the page saves it through the service.</summary>
public partial class StudySetupForm
{
    private static readonly int[] Sizes = [32, 64, 128, 256, 512];

    [Parameter, EditorRequired] public StudySetup Setup { get; set; } = new();
    [Parameter, EditorRequired] public StudySetupOptions Options { get; set; } = new([], [], []);
    [Parameter] public string Title { get; set; } = "New study";
    [Parameter] public IReadOnlyList<string>? Errors { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<StudySetup> OnSave { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    // The set-up last shown, and whether its size still follows the sources (a new study until the lead picks one).
    private StudySetup? _shown;
    private bool _sizeFollowsSources;

    private DatasetChoice? SelectedDataset => Options.Datasets.FirstOrDefault(d => d.Id == Setup.RealDatasetId);

    /// <summary>The sources the set-up draws from now, with their native resolutions.</summary>
    private List<PresentationSource> Sources
    {
        get
        {
            var sources = new List<PresentationSource>();
            if (Setup.RealCount > 0 && SelectedDataset is { } dataset) sources.Add(new PresentationSource(dataset.Name, true, dataset.Resolution));
            foreach (var pool in Options.Pools.Where(p => PoolCount(p.Id) > 0))
                sources.Add(new PresentationSource(pool.ModelName, false, pool.Resolution));
            return sources;
        }
    }

    private int? Proposed => PresentationRules.ProposedSize(Sources);

    private IReadOnlyList<string> Upscaled => PresentationRules.Upscaled(Sources, Setup.PresentationSize);

    // The usual sizes and every native resolution of the offered sources, so the proposal is always a choice.
    private IEnumerable<int> SizeChoices => Sizes
        .Concat(Options.Datasets.Select(d => d.Resolution)).Concat(Options.Pools.Select(p => p.Resolution))
        .Append(Setup.PresentationSize).Where(s => s > 0).Distinct().Order();

    private string Effect(PresentationSource source) =>
        source.NativeResolution < Setup.PresentationSize ? "upscaled: a visible giveaway"
        : source.NativeResolution > Setup.PresentationSize ? "downscaled"
        : "native";

    /// <summary>
    /// While the lead has not picked a size, the form follows the sources: the proposal is the smallest native
    /// resolution, so no source is upscaled. A size the lead picked stays.
    /// </summary>
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Setup))
        {
            // A new set-up follows its sources; a saved draft keeps the size it was saved with.
            _shown = Setup;
            _sizeFollowsSources = Setup.Version is null;
        }
        ProposeSize();
    }

    private void ChooseSize(int size)
    {
        _sizeFollowsSources = false;
        Setup.PresentationSize = size;
    }

    private void ProposeSize()
    {
        if (!_sizeFollowsSources || Proposed is not { } proposed) return;
        Setup.PresentationSize = proposed;
    }

    private int RepeatPercent => (int)Math.Round(Setup.RepeatShare * 100);

    private string TagsText => string.Join('\n', Setup.ArtifactTags);

    private int PoolCount(int poolId) => Setup.Pools.FirstOrDefault(p => p.PoolId == poolId)?.Count ?? 0;

    private void SetPoolCount(int poolId, int count)
    {
        var source = PoolSource(poolId);
        Setup.Pools.RemoveAll(p => p.PoolId == poolId);
        if (count != 0) Setup.Pools.Add(new StudyPoolCount { PoolId = poolId, Count = count, Source = source });
        ProposeSize();
    }

    private void SetRepeatPercent(int percent) => Setup.RepeatShare = percent / 100.0;

    private bool Paired => Setup.Mode == RatingMode.Paired;

    // The instructions follow the protocol and the task unless the lead wrote their own.
    private void ChooseMode(RatingMode mode)
    {
        if (StudyInstructions.IsDefault(Setup.Instructions)) Setup.Instructions = StudyInstructions.For(mode, Setup.Task);
        Setup.Mode = mode;
    }

    private bool Diagnosis => Setup.Task == RatingTask.Diagnosis;

    /// <summary>A diagnosis study is untimed or fixed-exposure and draws its reals per class, not through a filter.</summary>
    private void ChooseTask(RatingTask task)
    {
        Setup.Task = task;
        if (task == RatingTask.Diagnosis)
        {
            if (Setup.Mode is not (RatingMode.Untimed or RatingMode.Fixed)) Setup.Mode = RatingMode.Untimed;
            Setup.RealLabel = null;
            Setup.RealCount = Setup.RealClassCounts.Sum(c => c.Count);
        }
        if (StudyInstructions.IsDefault(Setup.Instructions)) Setup.Instructions = StudyInstructions.For(Setup.Mode, task);
    }

    private int ClassCount(string label) => Setup.RealClassCounts.FirstOrDefault(c => c.Label == label)?.Count ?? 0;

    private void SetClassCount(string label, int count)
    {
        Setup.RealClassCounts.RemoveAll(c => c.Label == label);
        if (count != 0) Setup.RealClassCounts.Add(new LabelCount(label, count));
        Setup.RealCount = Setup.RealClassCounts.Sum(c => c.Count);
        ProposeSize();
    }

    private string? PoolSource(int poolId) => Setup.Pools.FirstOrDefault(p => p.PoolId == poolId)?.Source;

    private void SetPoolSource(int poolId, string? source)
    {
        if (Setup.Pools.FirstOrDefault(p => p.PoolId == poolId) is { } chosen) chosen.Source = string.IsNullOrWhiteSpace(source) ? null : source;
    }

    private int? PassMarkPercent => Setup.PracticePassMark is { } mark ? (int)Math.Round(mark * 100) : null;

    private void SetPassMarkPercent(int? percent) => Setup.PracticePassMark = percent / 100.0;

    // Blank lines are dropped; the server checks duplicates and lengths.
    private void SetTags(string text) =>
        Setup.ArtifactTags = (text ?? "").Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    private void ToggleRater(string raterId, bool on)
    {
        Setup.RaterIds.Remove(raterId);
        if (on) Setup.RaterIds.Add(raterId);
    }
}
