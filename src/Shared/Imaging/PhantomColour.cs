namespace MelanoGans.Shared.Imaging;

/// <summary>An RGB colour in the 0..255 range with fractional precision, used while compositing a phantom.</summary>
public readonly record struct PhantomColour(double R, double G, double B)
{
    /// <summary>Linear interpolation: <paramref name="t"/> = 0 gives <paramref name="a"/>, 1 gives <paramref name="b"/>.</summary>
    public static PhantomColour Lerp(PhantomColour a, PhantomColour b, double t) =>
        new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    /// <summary>Scales every channel; below 1 darkens, above 1 brightens.</summary>
    public static PhantomColour operator *(PhantomColour c, double k) => new(c.R * k, c.G * k, c.B * k);

    /// <summary>Adds <paramref name="d"/> to every channel.</summary>
    public PhantomColour Offset(double d) => new(R + d, G + d, B + d);
}
