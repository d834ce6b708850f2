using System.Globalization;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Client.Components.Statistics;

/// <summary>How the dashboard writes numbers: invariant culture, undefined values as a dash, never NaN.</summary>
public static class StatisticsFormat
{
    /// <summary>Shown for a number the report leaves undefined (null); the report's messages say why.</summary>
    public const string Undefined = "–";

    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Undefined;

    /// <summary>"62.5% (55.1–69.3%)": the estimate with its Wilson interval.</summary>
    public static string WithInterval(ProportionEstimate p) =>
        p.Estimate is null ? Undefined : $"{Percent(p.Estimate)} ({Range(p.Lower, p.Upper)})";

    /// <summary>"55.1–69.3%".</summary>
    public static string Range(double? lower, double? upper) =>
        lower is null || upper is null ? Undefined
            : $"{(lower.Value * 100).ToString("0.0", CultureInfo.InvariantCulture)}–{Percent(upper)}";

    /// <summary>A number in <paramref name="format"/>; undefined (NaN, none) as "–", and never "-0.000" for a value that rounds to zero.</summary>
    public static string Number(double? value, string format = "0.000")
    {
        if (value is not { } v || double.IsNaN(v)) return Undefined;
        var text = v.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.TrimStart('-').All(c => c is '0' or '.') ? text[1..] : text;
    }

    /// <summary>"[0.12, 0.35]": a bootstrap interval of a coefficient.</summary>
    public static string Interval(BootstrapInterval? interval) =>
        interval?.Lower is { } lower && interval.Upper is { } upper
            ? $"[{Number(lower)}, {Number(upper)}]"
            : Undefined;

    /// <summary>p-values as papers print them: below 0.001 as "&lt; 0.001" (a no-break space keeps it on one line).</summary>
    public static string PValue(double? p) =>
        p is null || double.IsNaN(p.Value) ? Undefined : p < 0.001 ? "<\u00a00.001" : p.Value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Seconds(double? milliseconds) =>
        milliseconds is { } ms ? (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s" : Undefined;

    /// <summary>"31.2% (25.0–38.1%)": an error rate with its bootstrap interval.</summary>
    public static string Hype(HypeScore score) =>
        Percent(score.ErrorRate) + (score.Interval?.Lower is { } lo && score.Interval.Upper is { } hi ? $" ({Range(lo, hi)})" : "");

    /// <summary>"412 ms (350–470 ms)": a mean staircase threshold with its bootstrap interval.</summary>
    public static string Threshold(HypeTimeScore score) =>
        Milliseconds(score.MeanThresholdMs) + (score.Interval?.Lower is { } lo && score.Interval.Upper is { } hi ? $" ({Number(lo, "0")}–{Milliseconds(hi)})" : "");

    /// <summary>"412 ms".</summary>
    public static string Milliseconds(double? milliseconds) =>
        milliseconds is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : Undefined;

    /// <summary>Invariant numbers for SVG attributes.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
