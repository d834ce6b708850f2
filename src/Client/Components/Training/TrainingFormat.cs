using System.Globalization;

namespace MelanoGans.Client.Components.Training;

/// <summary>How the training pages write durations and rates.</summary>
public static class TrainingFormat
{
    public static string Eta(double? seconds) => seconds is not { } s || !double.IsFinite(s)
        ? "—"
        : TimeSpan.FromSeconds(Math.Round(s)) is var t && t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes:00} min")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} min {t.Seconds:00} s");

    public static string Rate(double? imagesPerSecond) => imagesPerSecond is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"{r:0.0} img/s")
        : "—";
}
