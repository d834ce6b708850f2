using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Distances between colour histograms exactly as docs/design.md ("Colour statistics") defines them: Jensen-Shannon divergence with
/// log base 2, and Wasserstein-1 with bin i placed at intensity i/255.
/// </summary>
public static class ColourDistances
{
    /// <summary>
    /// Jensen-Shannon divergence of two histograms over the same bins, log base 2, in [0, 1]. Inputs are
    /// normalised to sum 1 first. Equals <c>scipy.spatial.distance.jensenshannon(p, q, base=2) ** 2</c>.
    /// </summary>
    public static double JensenShannon(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var (sp, sq) = CheckedSums(p, q);
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / sp;
            var qi = q[i] / sq;
            var m = 0.5 * (pi + qi);
            // 0 * log(0 / m) is 0 by continuity.
            if (pi > 0)
            {
                sum += pi * Math.Log2(pi / m);
            }

            if (qi > 0)
            {
                sum += qi * Math.Log2(qi / m);
            }
        }

        return Math.Clamp(0.5 * sum, 0.0, 1.0);
    }

    /// <summary>
    /// Wasserstein-1 (earth mover's) distance between two histograms whose bin i sits at i / (bins - 1), so
    /// 256 bins span [0, 1]. Inputs are normalised to sum 1 first. Equals
    /// <c>scipy.stats.wasserstein_distance(arange(256)/255, arange(256)/255, p, q)</c>.
    /// </summary>
    public static double Wasserstein1(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var (sp, sq) = CheckedSums(p, q);
        if (p.Length == 1)
        {
            return 0;
        }

        // In one dimension W1 is the area between the two CDFs: sum of |CDF_p - CDF_q| times the bin spacing.
        var step = 1.0 / (p.Length - 1);
        var cdfDifference = 0.0;
        var sum = 0.0;
        for (var i = 0; i < p.Length - 1; i++)
        {
            cdfDifference += p[i] / sp - q[i] / sq;
            sum += Math.Abs(cdfDifference);
        }

        return sum * step;
    }

    /// <summary>Per-channel and mean distances between the colour histograms of two image sets.</summary>
    /// <exception cref="InvalidOperationException">Either histogram is empty.</exception>
    public static ColourComparison Compare(ColourHistogram a, ColourHistogram b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var channels = new List<ChannelDistance>(3);
        foreach (var channel in (ReadOnlySpan<ColourChannel>)[ColourChannel.Red, ColourChannel.Green, ColourChannel.Blue])
        {
            var p = a.Normalised(channel);
            var q = b.Normalised(channel);
            channels.Add(new ChannelDistance(channel, JensenShannon(p, q), Wasserstein1(p, q)));
        }

        return new ColourComparison(channels, channels.Average(c => c.JensenShannon), channels.Average(c => c.Wasserstein1));
    }

    /// <summary>Compares class by class, for each class present in both sets.</summary>
    public static IReadOnlyDictionary<LesionClass, ColourComparison> CompareByClass(ClassColourHistograms a, ClassColourHistograms b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = new Dictionary<LesionClass, ColourComparison>();
        foreach (var lesionClass in LesionClassNames.All)
        {
            if (a.ByClass.TryGetValue(lesionClass, out var ha) && b.ByClass.TryGetValue(lesionClass, out var hb))
            {
                result[lesionClass] = Compare(ha, hb);
            }
        }

        return result;
    }

    private static (double SumP, double SumQ) CheckedSums(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length || p.Length == 0)
        {
            throw new ArgumentException($"Histograms must have the same, non-zero number of bins (got {p.Length} and {q.Length}).");
        }

        double sp = 0, sq = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] < 0 || q[i] < 0 || double.IsNaN(p[i]) || double.IsNaN(q[i]))
            {
                throw new ArgumentException($"Histogram weights must be non-negative numbers (bin {i}).");
            }

            sp += p[i];
            sq += q[i];
        }

        if (sp <= 0 || sq <= 0)
        {
            throw new ArgumentException("Histograms must have a positive total weight.");
        }

        return (sp, sq);
    }
}
