using System.Text.Json.Serialization;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Server.Api;

/// <summary>
/// One answer of the ratings table (docs/design.md, "Ratings table") as JSON, with the CSV's column names and order: the lead's
/// <c>ratings.json</c> download and the API's ratings are the same rows.
/// </summary>
public sealed record ApiRatingRow(
    [property: JsonPropertyName("study")] string Study,
    [property: JsonPropertyName("rater")] string Rater,
    [property: JsonPropertyName("item")] string Item,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("truth")] string Truth,
    [property: JsonPropertyName("response")] int? Response,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("is_repeat")] bool IsRepeat,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("answered_at")] DateTimeOffset AnsweredAt,
    [property: JsonPropertyName("active_ms")] long ActiveMs,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("exposure_ms")] int? ExposureMs,
    [property: JsonPropertyName("is_practice")] bool IsPractice,
    [property: JsonPropertyName("is_catch")] bool IsCatch,
    [property: JsonPropertyName("chosen")] string? Chosen)
{
    /// <summary>The row as the API writes it: a paired trial has no response (null), its answer is in chosen.</summary>
    public static ApiRatingRow From(RatingRow r) => new(
        r.Study, r.Rater, r.Item, r.Source, r.Truth == RatingTruth.Fake ? "fake" : "real", r.Mode == RatingMode.Paired ? null : r.Response,
        r.Tags, r.IsRepeat, r.StartedAt, r.AnsweredAt, r.ActiveMs, MelanoGans.Shared.Statistics.RatingsCsv.ModeName(r.Mode), r.ExposureMs, r.IsPractice, r.IsCatch,
        r.Chosen switch { RatingTruth.Real => "real", RatingTruth.Fake => "fake", _ => null });
}
