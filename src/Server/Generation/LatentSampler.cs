namespace MelanoGans.Server.Generation;

/// <summary>The latent of one image: every input's values in graph order from that image's own seed.</summary>
public static class LatentSampler
{
    /// <summary>Smallest truncation accepted; below it resampling would take very long.</summary>
    public const double MinTruncation = 0.1;

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal values for <paramref name="seed"/>. With a
    /// truncation t, values with |z| &gt; t are drawn again (the truncation trick: fewer, more typical images).
    /// </summary>
    public static void Fill(long seed, double? truncation, Span<float> destination)
    {
        if (truncation is { } t && !(t >= MinTruncation))
            throw new ArgumentOutOfRangeException(nameof(truncation), t, $"Truncation must be at least {MinTruncation}.");
        var random = new LatentRandom(seed);
        for (var i = 0; i < destination.Length; i++)
        {
            var z = random.NextNormal();
            while (truncation is { } limit && Math.Abs(z) > limit) z = random.NextNormal();
            destination[i] = (float)z;
        }
    }
}
