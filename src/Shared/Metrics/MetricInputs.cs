using System.Globalization;

namespace MelanoGans.Shared.Metrics;

/// <summary>
/// The checks every metric makes on its inputs. The exceptions carry no parameter name, so that Message is exactly
/// the one-line reason a person reads.
/// </summary>
internal static class MetricInputs
{
    /// <summary>Refuses a set with fewer than <paramref name="minimum"/> rows or with a NaN or infinite value.</summary>
    /// <param name="name">How the message names the set: "real", "generated", "training".</param>
    public static void Require(FeatureMatrix set, string name, int minimum, string why = "metrics need")
    {
        ArgumentNullException.ThrowIfNull(set, name);
        if (set.Rows < minimum)
        {
            throw new ArgumentException(
                $"the {name} set has {set.Rows} {(set.Rows == 1 ? "image" : "images")}; {why} at least {minimum}");
        }

        for (var i = 0; i < set.Data.Length; i++)
        {
            if (!float.IsFinite(set.Data[i]))
            {
                throw new ArgumentException(
                    $"the {name} features contain {set.Data[i].ToString(CultureInfo.InvariantCulture)} (row {i / set.Columns}, column {i % set.Columns}); every feature must be a finite number");
            }
        }
    }

    /// <summary>Refuses two sets whose rows have different lengths.</summary>
    public static void RequireSameColumns(FeatureMatrix a, string aName, FeatureMatrix b, string bName)
    {
        if (a.Columns != b.Columns)
        {
            throw new ArgumentException(
                $"the {aName} features have {a.Columns} columns and the {bName} features {b.Columns}; both sets must come from the same extractor");
        }
    }

    /// <summary>Refuses a neighbourhood size the sets cannot give (the k-th neighbour excludes the row itself).</summary>
    public static void RequireNeighbours(int k, FeatureMatrix set, string name)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be at least 1, not {k}");
        }

        if (set.Rows <= k)
        {
            throw new ArgumentException(
                $"the {name} set has {set.Rows} {(set.Rows == 1 ? "image" : "images")}; k = {k} nearest neighbours need at least {k + 1}");
        }
    }
}
