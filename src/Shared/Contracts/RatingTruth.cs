using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>Whether a study item is a real lesion image or one made by a generator.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingTruth>))]
public enum RatingTruth
{
    /// <summary>A real image from a dataset (written <c>real</c> in the ratings table).</summary>
    [JsonStringEnumMemberName("real")]
    Real,

    /// <summary>An image made by a generating model (written <c>fake</c> in the ratings table).</summary>
    [JsonStringEnumMemberName("fake")]
    Fake,
}
