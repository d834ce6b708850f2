using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>How an answer was asked for: the study's protocol (docs/design.md, "Ratings table", column <c>mode</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingMode>))]
public enum RatingMode
{
    /// <summary>The image stays until the rater answers on the 6-point scale (written <c>untimed</c>); HYPE∞ scores it.</summary>
    [JsonStringEnumMemberName("untimed")]
    Untimed,

    /// <summary>The image shows for a set exposure, then a noise mask, then the 6-point answer (written <c>fixed</c>).</summary>
    [JsonStringEnumMemberName("fixed")]
    Fixed,

    /// <summary>Like <see cref="Fixed"/>, with the exposure set per rater by an adaptive staircase (written <c>staircase</c>); HYPE-time scores it.</summary>
    [JsonStringEnumMemberName("staircase")]
    Staircase,

    /// <summary>A real and a fake side by side, "which one is real?" (written <c>paired</c>): one row per trial, no 6-point response.</summary>
    [JsonStringEnumMemberName("paired")]
    Paired,
}
