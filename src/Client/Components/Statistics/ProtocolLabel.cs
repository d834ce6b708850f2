using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Components.Statistics;

/// <summary>How the dashboard names a study's protocol.</summary>
public static class ProtocolLabel
{
    /// <summary>The protocol's name, with the planned exposure of a fixed-exposure study.</summary>
    public static string Of(RatingMode mode, int? targetExposureMs = null) => mode switch
    {
        RatingMode.Untimed => "Untimed 6-point (HYPE∞)",
        RatingMode.Fixed => targetExposureMs is { } ms ? $"Fixed exposure {ms} ms (HYPE at {ms} ms)" : "Fixed exposure",
        RatingMode.Staircase => "Exposure staircase (HYPE-time)",
        RatingMode.Paired => "Paired choice (2AFC)",
        _ => mode.ToString(),
    };
}
