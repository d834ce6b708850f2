using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Paints one lesion onto a phantom canvas: colour zones, border ramp, pigment network, blue-grey veil,
/// regression, waxy texture, then dots and globules, milia-like cysts and comedo-like openings.
/// </summary>
internal sealed class LesionPainter
{
    private readonly LesionTraits _traits;
    private readonly LesionShape _shape;
    private readonly int _size;
    private readonly ValueNoise _zones;
    private readonly ValueNoise _border;
    private readonly ValueNoise _veil;
    private readonly ValueNoise _regression;
    private readonly ValueNoise _texture;
    private readonly CellularNoise _network;
    private readonly uint _pepperSeed;
    private readonly double _gradientX;
    private readonly double _gradientY;
    private readonly double _veilBias;
    private readonly double _regressionBias;

    public LesionPainter(LesionTraits traits, LesionShape shape, PhantomRandom rng, int size)
    {
        _traits = traits;
        _shape = shape;
        _size = size;
        _zones = new ValueNoise(rng.NextUInt64());
        _border = new ValueNoise(rng.NextUInt64());
        _veil = new ValueNoise(rng.NextUInt64());
        _regression = new ValueNoise(rng.NextUInt64());
        _texture = new ValueNoise(rng.NextUInt64());
        _network = new CellularNoise(rng.NextUInt64(), 0.45 + 0.55 * traits.NetworkIrregularity);
        _pepperSeed = (uint)rng.NextUInt64();
        var angle = rng.Range(0, 2 * Math.PI);
        _gradientX = Math.Cos(angle);
        _gradientY = Math.Sin(angle);
        // Bias so that the veil and the regression each cover a patch, not the whole lesion.
        _veilBias = rng.Range(-0.15, 0.05);
        _regressionBias = rng.Range(-0.2, 0.0);
    }

    /// <summary>Runs the per-pixel pass over the lesion's bounding box, then the discrete structures.</summary>
    public void Paint(PhantomCanvas canvas, PhantomRandom rng)
    {
        var t = _traits;
        var reach = _shape.MaxRadius * (1 + 2.5 * t.BorderSoftness) + 2;
        var x0 = Math.Max(0, (int)(_shape.CentreX - reach));
        var x1 = Math.Min(_size - 1, (int)(_shape.CentreX + reach));
        var y0 = Math.Max(0, (int)(_shape.CentreY - reach));
        var y1 = Math.Min(_size - 1, (int)(_shape.CentreY + reach));
        var meanRadius = t.Radius * _size;
        var zoneFreq = 1.6 / meanRadius;
        var borderFreq = 6.0 / meanRadius;
        // Network cells are about 2.8% of the image side, the mesh size of a typical dermoscopic network.
        var cellFreq = 1.0 / Math.Max(1.5, 0.028 * _size);
        var textureFreq = 9.0 / meanRadius;
        var opacity = t.Class == LesionClass.Nevus ? 0.9 : 0.96;
        for (var y = y0; y <= y1; y++)
        {
            var py = y + 0.5;
            for (var x = x0; x <= x1; x++)
            {
                var px = x + 0.5;
                var rho = _shape.NormalisedDistance(px, py);
                var fuzz = _border.Fractal(px * borderFreq, py * borderFreq, 2) * t.BorderSoftness;
                var alpha = 1 - SmoothStep(1 - t.BorderSoftness, 1 + t.BorderSoftness, rho + fuzz);
                if (alpha <= 0)
                {
                    continue;
                }

                var colour = Pigment(px, py, rho, meanRadius, zoneFreq, cellFreq, textureFreq);
                canvas.Blend(y * _size + x, colour, alpha * opacity);
            }
        }

        PaintDots(canvas, rng);
        PaintMiliaCysts(canvas, rng);
        PaintComedoOpenings(canvas, rng);
    }

    private PhantomColour Pigment(double px, double py, double rho, double meanRadius, double zoneFreq, double cellFreq, double textureFreq)
    {
        var t = _traits;
        var zone = 0.5 + 0.5 * _zones.Fractal(px * zoneFreq, py * zoneFreq, 3);
        // Asymmetric pigmentation: melanomas are darker on one side; benign lesions darker in the middle.
        var side = ((px - _shape.CentreX) * _gradientX + (py - _shape.CentreY) * _gradientY) / meanRadius;
        var depth = Math.Clamp(0.5 * (1 - rho) + 0.55 * zone - 0.15 + 2.2 * t.Asymmetry * side, 0, 1);
        var colour = Palette(depth);
        // Mottling keeps pigment from looking flat, as melanin never is.
        colour *= 1 + 0.07 * _texture.Fractal(px * zoneFreq * 5 + 13, py * zoneFreq * 5, 2);

        if (t.Network > 0)
        {
            var border = _network.BorderDistance(px * cellFreq, py * cellFreq);
            var patch = _texture.Fractal(px * zoneFreq * 2, py * zoneFreq * 2, 2);
            var width = 0.3 + 0.2 * t.NetworkIrregularity * patch;
            var line = 1 - SmoothStep(0, Math.Max(width, 0.08), border);
            // Benign networks fade towards the edge; malignant ones are patchy and broken.
            var fade = t.NetworkIrregularity > 0.5 ? SmoothStep(-0.3, 0.3, patch) : 1 - rho * rho * rho;
            var strength = t.Network * Math.Clamp(fade, 0, 1);
            // Brown mesh lines over slightly paler holes.
            colour *= (1 - 0.5 * strength * line) * (1 + 0.08 * strength * (1 - line));
        }

        if (t.Veil > 0)
        {
            var v = _veil.Fractal(px * zoneFreq, py * zoneFreq, 2) + _veilBias + 0.3 * (1 - rho);
            var haze = 0.9 + 0.1 * _regression.Fractal(px * zoneFreq * 4, py * zoneFreq * 4, 2);
            colour = PhantomColour.Lerp(colour, LesionTraits.BlueGrey * haze, t.Veil * SmoothStep(0.05, 0.3, v));
        }

        if (t.Regression > 0)
        {
            var v = _regression.Fractal(px * zoneFreq * 1.3, py * zoneFreq * 1.3, 2) + _regressionBias;
            var m = SmoothStep(0.1, 0.3, v);
            colour = PhantomColour.Lerp(colour, LesionTraits.RegressionWhite, t.Regression * m);
            // Peppering: fine grey granules scattered over regression.
            var h = ValueNoise.Hash((int)px, (int)py, _pepperSeed) / (double)uint.MaxValue;
            if (h < 0.08 * m)
            {
                colour = PhantomColour.Lerp(colour, new PhantomColour(118, 108, 120), 0.6);
            }
        }

        if (t.Waxiness > 0)
        {
            // Cerebriform surface: ridged noise gives fissures; a second field gives the waxy sheen.
            var ridge = 1 - Math.Abs(_texture.Fractal(px * textureFreq, py * textureFreq, 3));
            var fissure = SmoothStep(0.82, 0.97, ridge);
            colour *= 1 - 0.5 * t.Waxiness * fissure;
            var sheen = SmoothStep(0.0, 0.7, _zones.Fractal(px * textureFreq * 0.5 + 31, py * textureFreq * 0.5, 2));
            colour = PhantomColour.Lerp(colour, new PhantomColour(236, 214, 160), 0.22 * t.Waxiness * sheen);
        }

        return colour;
    }

    /// <summary>Piecewise interpolation through the colour list; melanoma zones get sharper transitions.</summary>
    private PhantomColour Palette(double depth)
    {
        var colours = _traits.Colours;
        if (colours.Count == 1)
        {
            return colours[0] * (1.05 - 0.15 * depth);
        }

        var s = depth * (colours.Count - 1);
        var i = Math.Min((int)s, colours.Count - 2);
        var f = s - i;
        if (_traits.Class == LesionClass.Melanoma)
        {
            f = SmoothStep(0.25, 0.75, f);
        }

        return PhantomColour.Lerp(colours[i], colours[i + 1], f);
    }

    private void PaintDots(PhantomCanvas canvas, PhantomRandom rng)
    {
        var t = _traits;
        var baseRadius = rng.Range(0.006, 0.011) * _size;
        for (var k = 0; k < t.Dots; k++)
        {
            var (x, y) = PointInside(rng, t.DotsPeriphery * rng.Range(0.6, 0.95) + (1 - t.DotsPeriphery) * rng.Range(0.0, 0.5));
            double radius;
            PhantomColour colour;
            if (t.Class == LesionClass.Melanoma)
            {
                // Irregular dots and globules: varied size and colour.
                radius = rng.Range(0.004, 0.02) * _size;
                colour = rng.Next(0, 3) switch
                {
                    0 => LesionTraits.Black,
                    1 => LesionTraits.DarkBrown,
                    _ => LesionTraits.BlueGrey * 0.8,
                };
            }
            else
            {
                radius = baseRadius * rng.Range(0.85, 1.15);
                colour = LesionTraits.DarkBrown * 0.9;
            }

            canvas.Disc(x, y, radius, colour, rng.Range(0.7, 0.95), 0.3 * radius);
        }
    }

    private void PaintMiliaCysts(PhantomCanvas canvas, PhantomRandom rng)
    {
        for (var k = 0; k < _traits.MiliaCysts; k++)
        {
            var (x, y) = PointInside(rng, rng.Range(0.0, 0.85));
            var radius = rng.Range(0.004, 0.012) * _size;
            canvas.Disc(x, y, radius * 1.6, new PhantomColour(236, 222, 180), 0.35, radius);
            canvas.Disc(x, y, radius, new PhantomColour(246, 240, 212), rng.Range(0.75, 0.95), 0.4 * radius);
        }
    }

    private void PaintComedoOpenings(PhantomCanvas canvas, PhantomRandom rng)
    {
        for (var k = 0; k < _traits.ComedoOpenings; k++)
        {
            var (x, y) = PointInside(rng, rng.Range(0.0, 0.85));
            var radius = rng.Range(0.005, 0.014) * _size;
            // A keratin plug: a pale rim around a dark crater.
            canvas.Disc(x, y, radius * 1.5, LesionTraits.Tan * 1.1, 0.45, 0.3 * radius);
            canvas.Disc(x, y, radius, new PhantomColour(66, 44, 30), rng.Range(0.75, 0.92), 0.25 * radius);
        }
    }

    /// <summary>A point at <paramref name="rho"/> times the outline radius, in a random direction.</summary>
    private (double X, double Y) PointInside(PhantomRandom rng, double rho)
    {
        var theta = rng.Range(0, 2 * Math.PI);
        // Atan2 + pi in NormalisedDistance measures theta from the negative x-axis, so match it here.
        var r = rho * _shape.RadiusAt(theta);
        return (_shape.CentreX - r * Math.Cos(theta), _shape.CentreY - r * Math.Sin(theta));
    }

    internal static double SmoothStep(double edge0, double edge1, double x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
        return t * t * (3 - 2 * t);
    }
}
