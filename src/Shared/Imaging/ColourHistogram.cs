namespace MelanoGans.Shared.Imaging;

/// <summary>
/// Per-channel 256-bin intensity histograms over all pixels of a set of images (docs/design.md, "Colour
/// statistics"). Counts are integers, so adding images in any order or in parallel gives the same result.
/// </summary>
public sealed class ColourHistogram
{
    /// <summary>Bins per channel, one per 8-bit intensity.</summary>
    public const int Bins = 256;

    private readonly long[] _counts = new long[3 * Bins];

    /// <summary>Number of pixels added so far.</summary>
    public long PixelCount { get; private set; }

    /// <summary>Number of images added so far (merged histograms add theirs).</summary>
    public int ImageCount { get; private set; }

    /// <summary>A histogram of all pixels of <paramref name="images"/>.</summary>
    public static ColourHistogram Of(IEnumerable<RgbImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var histogram = new ColourHistogram();
        foreach (var image in images)
        {
            histogram.Add(image);
        }

        return histogram;
    }

    /// <summary>Adds every pixel of <paramref name="image"/>.</summary>
    public void Add(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        AddPixels(image.Pixels);
        ImageCount++;
    }

    /// <summary>Adds interleaved RGB bytes (a multiple of 3) as pixels, without counting an image.</summary>
    public void AddPixels(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length % 3 != 0)
        {
            throw new ArgumentException("Interleaved RGB data must have a length divisible by 3.", nameof(rgb));
        }

        var counts = _counts.AsSpan();
        for (var i = 0; i < rgb.Length; i += 3)
        {
            counts[rgb[i]]++;
            counts[Bins + rgb[i + 1]]++;
            counts[2 * Bins + rgb[i + 2]]++;
        }

        PixelCount += rgb.Length / 3;
    }

    /// <summary>Adds the counts of <paramref name="other"/> to this histogram.</summary>
    public void Add(ColourHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        PixelCount += other.PixelCount;
        ImageCount += other.ImageCount;
    }

    /// <summary>The raw count of <paramref name="bin"/> in <paramref name="channel"/>.</summary>
    public long Count(ColourChannel channel, int bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, Bins);
        return _counts[(int)channel * Bins + bin];
    }

    /// <summary>The histogram of <paramref name="channel"/> normalised to sum 1.</summary>
    /// <exception cref="InvalidOperationException">No pixels were added.</exception>
    public double[] Normalised(ColourChannel channel)
    {
        if (PixelCount == 0)
        {
            throw new InvalidOperationException("The histogram is empty: add at least one pixel before normalising.");
        }

        var result = new double[Bins];
        var offset = (int)channel * Bins;
        for (var i = 0; i < Bins; i++)
        {
            result[i] = (double)_counts[offset + i] / PixelCount;
        }

        return result;
    }
}
