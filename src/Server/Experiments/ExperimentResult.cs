using MelanoGans.Shared.Contracts;

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

    /// <summary>The experiment job whose worker uploaded it; null for a file an admin uploaded.</summary>
    public long? JobId { get; set; }

    /// <summary>The file as uploaded, snake_case as <see cref="ImbalanceExperimentResult.Json"/> writes it.</summary>
    public required string Json { get; set; }

    /// <summary>A row for a checked result and the JSON it was read from.</summary>
    public static ExperimentResult From(ImbalanceExperimentResult result, string name, string uploadedBy, string json)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? ImbalanceExperimentResult.FileName : name.Trim();
        return new ExperimentResult
        {
            Name = trimmed.Length > 200 ? trimmed[..200] : trimmed,
            Experiment = result.Experiment,
            Dataset = result.Dataset,
            ArmCount = result.Arms.Count,
            SeedCount = result.Seeds.Count,
            FinishedAt = result.FinishedAt,
            UploadedBy = uploadedBy,
            Json = json,
        };
    }
}
