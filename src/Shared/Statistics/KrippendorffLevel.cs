using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Statistics;

/// <summary>The level of measurement that picks Krippendorff's difference function delta^2.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KrippendorffLevel>))]
public enum KrippendorffLevel
{
    /// <summary>delta^2 = 0 for equal values, 1 otherwise.</summary>
    Nominal,

    /// <summary>delta^2 from the ranks: (sum of n_g for g from c to k, minus (n_c + n_k) / 2)^2.</summary>
    Ordinal,

    /// <summary>delta^2 = (value_c - value_k)^2.</summary>
    Interval,
}
