using System.Globalization;

namespace MelanoGans.Client.Components.Models;

/// <summary>
/// How generator metrics are written on every page. Four significant digits, no fixed scale: KID on ResNet-18
/// features is of order 1-10, not the 0.001-0.1 of Inception features that papers print "× 1000".
/// </summary>
public static class MetricFormat
{
    public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A share in [0, 1] with three decimals, so 0.004 is not written as 0.00.</summary>
    public static string Share(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
