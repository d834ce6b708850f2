namespace MelanoGans.Shared.Imaging;

/// <summary>
/// A star-shaped lesion outline: radius as a function of angle from an ellipse, low harmonics
/// (asymmetry) and periodic radial noise (border irregularity), tabulated for fast lookup.
/// </summary>
internal sealed class LesionShape
{
    private const int TableSize = 1024;
    private readonly double[] _radius = new double[TableSize + 1];

    public LesionShape(LesionTraits traits, PhantomRandom rng, int size)
    {
        CentreX = size * (0.5 + rng.Range(-0.05, 0.05));
        CentreY = size * (0.5 + rng.Range(-0.05, 0.05));
        var r0 = traits.Radius * size;
        var orientation = rng.Range(0, Math.PI);
        var p1 = rng.Range(0, 2 * Math.PI);
        var p2 = rng.Range(0, 2 * Math.PI);
        var p3 = rng.Range(0, 2 * Math.PI);
        var w1 = rng.Range(0.5, 1.0);
        var w3 = rng.Range(0.3, 0.8);
        var noise = new ValueNoise(rng.NextUInt64());
        var max = 0.0;
        for (var i = 0; i <= TableSize; i++)
        {
            var theta = 2 * Math.PI * i / TableSize;
            var ellipse = 1 + traits.Elongation * Math.Cos(2 * (theta - orientation));
            var lopsided = 1 + traits.Asymmetry * (w1 * Math.Cos(theta - p1) + w3 * Math.Cos(3 * theta - p3)
                + 0.5 * Math.Cos(2 * theta - p2));
            var t = (double)i / TableSize;
            // Three octaves around the circle: lobes, notches and fine ragged edge.
            var ragged = noise.Periodic(t * 7, 7) + 0.5 * noise.Periodic(t * 17 + 3, 17) + 0.25 * noise.Periodic(t * 41 + 5, 41);
            var r = r0 * ellipse * lopsided * (1 + traits.Irregularity * ragged / 1.75);
            _radius[i] = Math.Max(r, 0.25 * r0);
            max = Math.Max(max, _radius[i]);
        }

        _radius[TableSize] = _radius[0];
        MaxRadius = max;
    }

    /// <summary>Centre, in pixels.</summary>
    public double CentreX { get; }

    /// <summary>Centre, in pixels.</summary>
    public double CentreY { get; }

    /// <summary>The largest radius in any direction, in pixels.</summary>
    public double MaxRadius { get; }

    /// <summary>The outline radius (pixels) in the direction of <paramref name="theta"/> radians.</summary>
    public double RadiusAt(double theta)
    {
        var t = theta / (2 * Math.PI);
        t -= Math.Floor(t);
        var f = t * TableSize;
        var i = (int)f;
        if (i >= TableSize)
        {
            i = TableSize - 1;
        }

        var frac = f - i;
        return _radius[i] + (_radius[i + 1] - _radius[i]) * frac;
    }

    /// <summary>Distance from the centre divided by the outline radius in that direction: below 1 is inside.</summary>
    public double NormalisedDistance(double x, double y)
    {
        var dx = x - CentreX;
        var dy = y - CentreY;
        var d = Math.Sqrt(dx * dx + dy * dy);
        if (d < 1e-9)
        {
            return 0;
        }

        return d / RadiusAt(Math.Atan2(dy, dx) + Math.PI);
    }
}
