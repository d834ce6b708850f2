namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>Everything the set-up form offers: datasets, generated pools and raters, and the leads a study can be shared with.</summary>
public sealed record StudySetupOptions(
    IReadOnlyList<DatasetChoice> Datasets,
    IReadOnlyList<PoolChoice> Pools,
    IReadOnlyList<RaterChoice> Raters)
{
    /// <summary>Active accounts with the Lead role (ids and names), whom an owner can name co-leads.</summary>
    public IReadOnlyList<RaterChoice> Leads { get; init; } = [];
}
