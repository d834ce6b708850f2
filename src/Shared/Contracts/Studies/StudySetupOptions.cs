namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>Everything the set-up form offers: datasets, generated pools and raters.</summary>
public sealed record StudySetupOptions(
    IReadOnlyList<DatasetChoice> Datasets,
    IReadOnlyList<PoolChoice> Pools,
    IReadOnlyList<RaterChoice> Raters);
