namespace MelanoGans.Shared.Contracts;

/// <summary>One stored experiment <c>results.json</c>, as the Experiments page lists it.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Name">Name the admin gave it (the upload's file name by default).</param>
/// <param name="Experiment">Kind of experiment, e.g. "imbalance".</param>
/// <param name="Dataset">Image folder the real images came from.</param>
/// <param name="ArmCount">Number of arms.</param>
/// <param name="SeedCount">Number of classifier seeds per arm.</param>
/// <param name="FinishedAt">When the experiment finished.</param>
/// <param name="UploadedBy">User name of the admin who stored it.</param>
/// <param name="UploadedAt">When it was stored.</param>
public sealed record ExperimentResultSummary(
    int Id, string Name, string Experiment, string Dataset, int ArmCount, int SeedCount,
    DateTimeOffset FinishedAt, string UploadedBy, DateTimeOffset UploadedAt);
