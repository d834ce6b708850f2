namespace MelanoGans.Shared.Imaging;

/// <summary>
/// The floating-point drawing surface of one phantom image: alpha-blended discs and anti-aliased polylines.
/// </summary>
/// <remarks>
/// Everything is single-threaded and ordered, so the same calls give the same bytes. Coverage of a polyline
/// is collected with a max over its segments before blending, so joints do not get painted twice.
/// </remarks>
internal sealed class PhantomCanvas
{
    private readonly float[] _coverage;

    public PhantomCanvas(int size)
    {
        Size = size;
        R = new float[size * size];
        G = new float[size * size];
        B = new float[size * size];
        _coverage = new float[size * size];
    }

    public int Size { get; }

    public float[] R { get; }

    public float[] G { get; }

    public float[] B { get; }

    public PhantomColour Get(int index) => new(R[index], G[index], B[index]);

    public void Set(int index, PhantomColour c)
    {
        R[index] = (float)c.R;
        G[index] = (float)c.G;
        B[index] = (float)c.B;
    }

    public void Blend(int index, PhantomColour c, double alpha)
    {
        if (alpha <= 0)
        {
            return;
        }

        var a = (float)Math.Min(alpha, 1.0);
        R[index] += (float)((c.R - R[index]) * a);
        G[index] += (float)((c.G - G[index]) * a);
        B[index] += (float)((c.B - B[index]) * a);
    }

    /// <summary>Blends a disc; <paramref name="softness"/> (pixels) widens the edge ramp beyond the 1-pixel anti-alias.</summary>
    public void Disc(double cx, double cy, double radius, PhantomColour colour, double opacity, double softness = 0)
    {
        var reach = radius + softness + 1;
        var x0 = Math.Max(0, (int)Math.Floor(cx - reach));
        var x1 = Math.Min(Size - 1, (int)Math.Ceiling(cx + reach));
        var y0 = Math.Max(0, (int)Math.Floor(cy - reach));
        var y1 = Math.Min(Size - 1, (int)Math.Ceiling(cy + reach));
        var ramp = 1.0 + softness;
        for (var y = y0; y <= y1; y++)
        {
            var dy = y + 0.5 - cy;
            for (var x = x0; x <= x1; x++)
            {
                var dx = x + 0.5 - cx;
                var d = Math.Sqrt(dx * dx + dy * dy);
                var cover = Math.Clamp((radius + 0.5 * ramp - d) / ramp, 0.0, 1.0);
                if (cover > 0)
                {
                    Blend(y * Size + x, colour, cover * opacity);
                }
            }
        }
    }

    /// <summary>Blends an anti-aliased polyline of half-width <paramref name="halfWidth"/> pixels.</summary>
    public void Polyline(ReadOnlySpan<(double X, double Y)> points, double halfWidth, PhantomColour colour, double opacity)
    {
        var minX = Size;
        var minY = Size;
        var maxX = -1;
        var maxY = -1;
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (ax, ay) = points[i];
            var (bx, by) = points[i + 1];
            var reach = halfWidth + 1;
            var x0 = Math.Max(0, (int)Math.Floor(Math.Min(ax, bx) - reach));
            var x1 = Math.Min(Size - 1, (int)Math.Ceiling(Math.Max(ax, bx) + reach));
            var y0 = Math.Max(0, (int)Math.Floor(Math.Min(ay, by) - reach));
            var y1 = Math.Min(Size - 1, (int)Math.Ceiling(Math.Max(ay, by) + reach));
            if (x0 > x1 || y0 > y1)
            {
                continue;
            }

            minX = Math.Min(minX, x0);
            minY = Math.Min(minY, y0);
            maxX = Math.Max(maxX, x1);
            maxY = Math.Max(maxY, y1);
            var ex = bx - ax;
            var ey = by - ay;
            var len2 = Math.Max(ex * ex + ey * ey, 1e-12);
            for (var y = y0; y <= y1; y++)
            {
                var py = y + 0.5 - ay;
                for (var x = x0; x <= x1; x++)
                {
                    var px = x + 0.5 - ax;
                    var t = Math.Clamp((px * ex + py * ey) / len2, 0.0, 1.0);
                    var qx = px - t * ex;
                    var qy = py - t * ey;
                    var d = Math.Sqrt(qx * qx + qy * qy);
                    // Sub-pixel lines keep their ink by trading width for coverage.
                    var cover = Math.Clamp(halfWidth + 0.5 - d, 0.0, 1.0) * Math.Min(1.0, halfWidth * 2);
                    var index = y * Size + x;
                    if (cover > _coverage[index])
                    {
                        _coverage[index] = (float)cover;
                    }
                }
            }
        }

        for (var y = minY; y <= maxY; y++)
        {
            for (var x = minX; x <= maxX; x++)
            {
                var index = y * Size + x;
                var cover = _coverage[index];
                if (cover > 0)
                {
                    Blend(index, colour, cover * opacity);
                    _coverage[index] = 0;
                }
            }
        }
    }

    /// <summary>Rounds and clamps the canvas into an 8-bit RGB image.</summary>
    public RgbImage ToImage()
    {
        var pixels = new byte[Size * Size * 3];
        for (var i = 0; i < R.Length; i++)
        {
            pixels[i * 3] = ToByte(R[i]);
            pixels[i * 3 + 1] = ToByte(G[i]);
            pixels[i * 3 + 2] = ToByte(B[i]);
        }

        return new RgbImage(Size, Size, pixels);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)MathF.Round(v), 0, 255);
}
