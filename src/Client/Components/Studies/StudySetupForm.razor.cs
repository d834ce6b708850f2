using MelanoGans.Shared.Contracts.Studies;
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

    private DatasetChoice? SelectedDataset => Options.Datasets.FirstOrDefault(d => d.Id == Setup.RealDatasetId);

    private int RepeatPercent => (int)Math.Round(Setup.RepeatShare * 100);

    private string TagsText => string.Join('\n', Setup.ArtifactTags);

    private int PoolCount(int poolId) => Setup.Pools.FirstOrDefault(p => p.PoolId == poolId)?.Count ?? 0;

    private void SetPoolCount(int poolId, int count)
    {
        Setup.Pools.RemoveAll(p => p.PoolId == poolId);
        if (count != 0) Setup.Pools.Add(new StudyPoolCount { PoolId = poolId, Count = count });
    }

    private void SetRepeatPercent(int percent) => Setup.RepeatShare = percent / 100.0;

    // Blank lines are dropped; the server checks duplicates and lengths.
    private void SetTags(string text) =>
        Setup.ArtifactTags = (text ?? "").Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    private void ToggleRater(string raterId, bool on)
    {
        Setup.RaterIds.Remove(raterId);
        if (on) Setup.RaterIds.Add(raterId);
    }
}
