namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Limits checked before and during decoding of untrusted files, so that a small file declaring huge
/// dimensions (a "PNG bomb") is refused instead of exhausting memory.
/// </summary>
public sealed record ImageDecodeLimits
{
    /// <summary>Defaults sized for the ISIC archive, whose largest images are about 6700 x 4500 (30 megapixels).</summary>
    public static ImageDecodeLimits Default { get; } = new();

    /// <summary>Largest accepted file, in bytes.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest accepted width * height, as declared in the header.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Largest accepted width or height.</summary>
    public int MaxSide { get; init; } = 16_384;
}
