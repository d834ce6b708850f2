using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Renders procedural dermoscopy phantoms: a lesion of a given class on lit skin, with the confounders of
/// the real archive. Pure and deterministic: the same class, seed and size give byte-identical pixels.
/// </summary>
/// <remarks>
/// Each image is rendered on one thread in a fixed order; callers parallelise across images. All
/// randomness flows from the seed through <see cref="PhantomRandom"/>.
/// </remarks>
public static class PhantomRenderer
{
    /// <summary>The smallest supported image side.</summary>
    public const int MinSize = 32;

    /// <summary>The largest supported image side.</summary>
    public const int MaxSize = 512;

    /// <summary>The study's resolution.</summary>
    public const int DefaultSize = 256;

    private static readonly PhantomColour LightSkin = new(244, 204, 190);
    private static readonly PhantomColour DarkSkin = new(198, 140, 114);
    private static readonly PhantomColour ScopeBlack = new(10, 9, 9);

    /// <summary>Renders one <paramref name="size"/> x <paramref name="size"/> phantom of <paramref name="lesionClass"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is outside <see cref="MinSize"/>..<see cref="MaxSize"/>.</exception>
    public static RgbImage Render(LesionClass lesionClass, ulong seed, int size = DefaultSize)
    {
        if (size is < MinSize or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Phantom size must be between {MinSize} and {MaxSize}.");
        }

        if (!Enum.IsDefined(lesionClass))
        {
            throw new ArgumentOutOfRangeException(nameof(lesionClass), lesionClass, "Unknown lesion class.");
        }

        var rng = new PhantomRandom(seed);
        var traits = LesionTraits.Sample(lesionClass, rng);
        var shape = new LesionShape(traits, rng, size);
        var canvas = new PhantomCanvas(size);
        var sceneRng = new PhantomRandom(rng.NextUInt64());
        var lesionRng = new PhantomRandom(rng.NextUInt64());
        var confounderRng = new PhantomRandom(rng.NextUInt64());

        PaintSkin(canvas, sceneRng);
        new LesionPainter(traits, shape, lesionRng, size).Paint(canvas, lesionRng);
        Confounders.Draw(canvas, confounderRng, shape);
        LightAndScope(canvas, sceneRng);
        return canvas.ToImage();
    }

    /// <summary>Skin with a per-image tone, blotchy redness and fine pore texture.</summary>
    private static void PaintSkin(PhantomCanvas canvas, PhantomRandom rng)
    {
        var size = canvas.Size;
        var tone = PhantomColour.Lerp(LightSkin, DarkSkin, rng.NextDouble() * rng.NextDouble() + 0.15 * rng.NextDouble());
        var pink = rng.Range(0, 1);
        tone = new PhantomColour(tone.R + 8 * pink, tone.G - 10 * pink, tone.B - 4 * pink);
        var blotches = new ValueNoise(rng.NextUInt64());
        var pores = new ValueNoise(rng.NextUInt64());
        var redness = rng.Range(0.0, 0.25);
        var blotchFreq = 3.5 / size;
        var poreFreq = 45.0 / size;
        var red = new PhantomColour(214, 120, 112);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var b = blotches.Fractal(x * blotchFreq, y * blotchFreq, 3);
                var p = pores.Sample(x * poreFreq, y * poreFreq);
                var c = PhantomColour.Lerp(tone, red, redness * Math.Max(0, b + 0.2));
                canvas.Set(y * size + x, c * (1 + 0.04 * b + 0.03 * p));
            }
        }
    }

    /// <summary>Uneven illumination, the dermoscope's circular field stop, and sensor grain.</summary>
    private static void LightAndScope(PhantomCanvas canvas, PhantomRandom rng)
    {
        var size = canvas.Size;
        var lightX = size * rng.Range(0.3, 0.7);
        var lightY = size * rng.Range(0.3, 0.7);
        var falloff = rng.Range(0.1, 0.45);
        var vignette = rng.Chance(0.5);
        var scopeX = size * (0.5 + rng.Range(-0.03, 0.03));
        var scopeY = size * (0.5 + rng.Range(-0.03, 0.03));
        var scopeRadius = size * rng.Range(0.47, 0.6);
        var edge = Math.Max(1.0, 0.015 * size);
        var grain = rng.Range(1.5, 4.0);
        var grainSeed = (uint)rng.NextUInt64();
        var norm = 1.0 / (0.5 * size * 0.5 * size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var index = y * size + x;
                var lx = x + 0.5 - lightX;
                var ly = y + 0.5 - lightY;
                var light = 1 - falloff * (lx * lx + ly * ly) * norm * 0.5;
                var noise = (ValueNoise.Hash(x, y, grainSeed) * (2.0 / uint.MaxValue) - 1) * grain;
                var c = (canvas.Get(index) * Math.Max(light, 0.2)).Offset(noise);
                canvas.Set(index, c);
                if (vignette)
                {
                    var sx = x + 0.5 - scopeX;
                    var sy = y + 0.5 - scopeY;
                    var d = Math.Sqrt(sx * sx + sy * sy);
                    canvas.Blend(index, ScopeBlack, LesionPainter.SmoothStep(scopeRadius - edge, scopeRadius + edge, d));
                }
            }
        }
    }
}
