namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Seeded Worley (cellular) noise: distances to the nearest and second-nearest jittered feature points.
/// </summary>
/// <remarks>
/// The ridge where the two distances are equal traces cell borders; drawn dark, those borders look like
/// the honeycomb of a dermoscopic pigment network.
/// </remarks>
public sealed class CellularNoise
{
    private readonly uint _seed;
    private readonly double _jitter;

    /// <summary>Creates the field; <paramref name="jitter"/> in [0, 1] is how far points stray from a regular grid.</summary>
    public CellularNoise(ulong seed, double jitter)
    {
        _seed = (uint)(seed ^ (seed >> 32));
        _jitter = Math.Clamp(jitter, 0.0, 1.0);
    }

    /// <summary>
    /// The difference F2 - F1 between the second-nearest and nearest feature point distances at (x, y) in
    /// cell units: 0 on a cell border, larger inside a cell.
    /// </summary>
    public double BorderDistance(double x, double y)
    {
        var cx = (int)Math.Floor(x);
        var cy = (int)Math.Floor(y);
        var f1 = double.MaxValue;
        var f2 = double.MaxValue;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var gx = cx + dx;
                var gy = cy + dy;
                var h = ValueNoise.Hash(gx, gy, _seed);
                var px = gx + 0.5 + _jitter * (((h & 0xFFFF) / 65535.0) - 0.5);
                var py = gy + 0.5 + _jitter * (((h >> 16) / 65535.0) - 0.5);
                var ddx = px - x;
                var ddy = py - y;
                var d = Math.Sqrt(ddx * ddx + ddy * ddy);
                if (d < f1)
                {
                    f2 = f1;
                    f1 = d;
                }
                else if (d < f2)
                {
                    f2 = d;
                }
            }
        }

        return f2 - f1;
    }
}
