using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// The concrete look of one phantom lesion, drawn from class-dependent distributions that follow the
/// ABCD rule of dermoscopy (Asymmetry, Border, Colour, Diameter).
/// </summary>
/// <remarks>
/// Every class draws an "atypia" score and most traits grow with it. Melanomas sit high, nevi low, and a
/// share of dysplastic nevi and early melanomas meet in the middle, so no single statistic separates
/// the classes perfectly, as in the real archive.
/// </remarks>
internal sealed record LesionTraits
{
    public required LesionClass Class { get; init; }

    /// <summary>0 = textbook benign, 1 = textbook malignant.</summary>
    public required double Atypia { get; init; }

    /// <summary>Mean radius as a fraction of the image side.</summary>
    public required double Radius { get; init; }

    /// <summary>Ellipse elongation: 0 = circle.</summary>
    public required double Elongation { get; init; }

    /// <summary>Amplitude of the low harmonics that make the outline lopsided.</summary>
    public required double Asymmetry { get; init; }

    /// <summary>Amplitude of the high-frequency radial noise that makes the border ragged.</summary>
    public required double Irregularity { get; init; }

    /// <summary>Half-width of the border ramp, in units of the radius.</summary>
    public required double BorderSoftness { get; init; }

    /// <summary>Pigment colours from lightest zone to darkest.</summary>
    public required IReadOnlyList<PhantomColour> Colours { get; init; }

    /// <summary>Opacity of the blue-grey veil; 0 = none.</summary>
    public required double Veil { get; init; }

    /// <summary>Opacity of white scar-like regression; 0 = none.</summary>
    public required double Regression { get; init; }

    /// <summary>Darkening of the pigment network lines; 0 = no network.</summary>
    public required double Network { get; init; }

    /// <summary>0 = regular honeycomb, 1 = irregular, broken network of varying width.</summary>
    public required double NetworkIrregularity { get; init; }

    /// <summary>Number of dots and globules.</summary>
    public required int Dots { get; init; }

    /// <summary>Where dots sit: 0 = centre, 1 = periphery.</summary>
    public required double DotsPeriphery { get; init; }

    /// <summary>Milia-like cysts (small white-yellow round spots) of seborrheic keratosis.</summary>
    public required int MiliaCysts { get; init; }

    /// <summary>Comedo-like openings (dark plugged craters) of seborrheic keratosis.</summary>
    public required int ComedoOpenings { get; init; }

    /// <summary>Strength of the waxy, cerebriform ridges-and-fissures texture; 0 = none.</summary>
    public required double Waxiness { get; init; }

    public static readonly PhantomColour LightBrown = new(196, 138, 96);
    public static readonly PhantomColour MidBrown = new(150, 94, 58);
    public static readonly PhantomColour DarkBrown = new(96, 56, 36);
    public static readonly PhantomColour Black = new(48, 34, 34);
    public static readonly PhantomColour BlueGrey = new(118, 128, 156);
    public static readonly PhantomColour RegressionWhite = new(228, 206, 206);
    public static readonly PhantomColour Erythema = new(196, 96, 96);
    public static readonly PhantomColour Tan = new(176, 132, 92);
    public static readonly PhantomColour WaxyBrown = new(128, 88, 58);

    /// <summary>Draws the traits of one lesion of <paramref name="lesionClass"/>.</summary>
    public static LesionTraits Sample(LesionClass lesionClass, PhantomRandom rng) => lesionClass switch
    {
        LesionClass.Melanoma => Melanoma(rng),
        LesionClass.Nevus => Nevus(rng),
        LesionClass.SeborrheicKeratosis => SeborrheicKeratosis(rng),
        _ => throw new ArgumentOutOfRangeException(nameof(lesionClass), lesionClass, "Unknown lesion class."),
    };

    private static LesionTraits Melanoma(PhantomRandom rng)
    {
        var a = rng.Range(0.35, 1.0);
        var colours = new List<PhantomColour> { Jitter(rng, LightBrown), Jitter(rng, MidBrown), Jitter(rng, DarkBrown) };
        if (rng.Chance(0.3 + 0.5 * a))
        {
            colours.Add(Jitter(rng, Black));
        }

        if (rng.Chance(0.25))
        {
            colours.Insert(0, Jitter(rng, Erythema));
        }

        // Early melanomas may show only two browns; the veil and regression still set them apart.
        if (a < 0.55 && rng.Chance(0.5))
        {
            colours.RemoveAt(colours.Count - 1);
        }

        return new LesionTraits
        {
            Class = LesionClass.Melanoma,
            Atypia = a,
            Radius = Math.Clamp(0.17 + 0.2 * a + 0.035 * rng.NextGaussian(), 0.13, 0.44),
            Elongation = rng.Range(0.0, 0.12) + 0.1 * a,
            Asymmetry = (0.03 + 0.17 * a) * rng.Range(0.6, 1.3),
            Irregularity = (0.04 + 0.16 * a * a) * rng.Range(0.6, 1.4),
            BorderSoftness = rng.Range(0.04, 0.2),
            Colours = colours,
            Veil = rng.Chance(0.2 + 0.55 * a) ? rng.Range(0.35, 0.7) : 0,
            Regression = rng.Chance(0.1 + 0.5 * a) ? rng.Range(0.4, 0.75) : 0,
            Network = rng.Chance(0.6) ? rng.Range(0.25, 0.6) : 0,
            NetworkIrregularity = rng.Range(0.6, 1.0),
            Dots = rng.Chance(0.7) ? rng.Next(6, 32) : 0,
            DotsPeriphery = rng.Range(0.55, 1.0),
            MiliaCysts = 0,
            ComedoOpenings = 0,
            Waxiness = 0,
        };
    }

    private static LesionTraits Nevus(PhantomRandom rng)
    {
        // About one nevus in seven is dysplastic: larger, less regular, sometimes a third colour.
        var dysplastic = rng.Chance(0.15);
        var a = dysplastic ? rng.Range(0.3, 0.7) : rng.Range(0.0, 0.35);
        var colours = new List<PhantomColour> { Jitter(rng, rng.Chance(0.5) ? LightBrown : MidBrown) };
        if (rng.Chance(0.55))
        {
            colours.Add(Jitter(rng, rng.Chance(0.7) ? DarkBrown : MidBrown));
        }

        if (dysplastic && rng.Chance(0.4))
        {
            colours.Add(Jitter(rng, DarkBrown * 0.85));
        }

        return new LesionTraits
        {
            Class = LesionClass.Nevus,
            Atypia = a,
            Radius = Math.Clamp(0.15 + 0.2 * a + 0.035 * rng.NextGaussian(), 0.1, 0.4),
            Elongation = rng.Range(0.0, 0.1) + 0.1 * a,
            Asymmetry = (0.01 + 0.12 * a) * rng.Range(0.5, 1.2),
            Irregularity = (0.015 + 0.12 * a * a) * rng.Range(0.6, 1.4),
            BorderSoftness = rng.Range(0.05, 0.14),
            Colours = colours,
            Veil = dysplastic && rng.Chance(0.1) ? rng.Range(0.3, 0.5) : 0,
            Regression = 0,
            Network = rng.Chance(0.75) ? rng.Range(0.25, 0.6) : 0,
            NetworkIrregularity = rng.Range(0.0, 0.35) + 0.4 * a,
            Dots = rng.Chance(0.4) ? rng.Next(3, 14) : 0,
            DotsPeriphery = rng.Range(0.0, 0.45),
            MiliaCysts = rng.Chance(0.05) ? rng.Next(1, 3) : 0,
            ComedoOpenings = 0,
            Waxiness = 0,
        };
    }

    private static LesionTraits SeborrheicKeratosis(PhantomRandom rng)
    {
        var a = rng.Range(0.1, 0.5);
        var colours = new List<PhantomColour> { Jitter(rng, Tan), Jitter(rng, WaxyBrown) };
        if (rng.Chance(0.3))
        {
            colours.Add(Jitter(rng, DarkBrown));
        }

        return new LesionTraits
        {
            Class = LesionClass.SeborrheicKeratosis,
            Atypia = a,
            Radius = rng.Range(0.18, 0.36),
            Elongation = rng.Range(0.05, 0.28),
            Asymmetry = rng.Range(0.02, 0.09),
            Irregularity = rng.Range(0.03, 0.09),
            // "Stuck-on": a sharp, well-demarcated edge.
            BorderSoftness = rng.Range(0.015, 0.05),
            Colours = colours,
            Veil = 0,
            Regression = 0,
            Network = rng.Chance(0.1) ? rng.Range(0.1, 0.25) : 0,
            NetworkIrregularity = 0.5,
            Dots = 0,
            DotsPeriphery = 0.5,
            MiliaCysts = rng.Chance(0.85) ? rng.Next(5, 30) : 0,
            ComedoOpenings = rng.Chance(0.8) ? rng.Next(4, 20) : 0,
            Waxiness = rng.Range(0.35, 0.8),
        };
    }

    private static PhantomColour Jitter(PhantomRandom rng, PhantomColour c)
    {
        var k = rng.Range(0.88, 1.12);
        return new PhantomColour(c.R * k + rng.Range(-6, 6), c.G * k + rng.Range(-6, 6), c.B * k + rng.Range(-6, 6));
    }
}
