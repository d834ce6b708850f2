namespace MelanoGans.Server.Experiments;

/// <summary>A stored experiment <c>results.json</c>; the JSON is kept verbatim, the rest is for listing.</summary>
public sealed class ExperimentResult
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Experiment { get; set; }

    public required string Dataset { get; set; }

    public int ArmCount { get; set; }

    public int SeedCount { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The file as uploaded, snake_case as <see cref="MelanoGans.Shared.Contracts.ImbalanceExperimentResult.Json"/> writes it.</summary>
    public required string Json { get; set; }
}
