namespace MelanoGans.Training.Data;

/// <summary>
/// The order in which an epoch visits the data set: a Fisher-Yates shuffle driven by SplitMix64 seeded with
/// (run seed, epoch). Being a pure function of those two numbers, a resumed run sees the same batches as an
/// uninterrupted one without storing any generator state.
/// </summary>
public static class EpochOrder
{
    public static int[] For(long seed, int epoch, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var state = (ulong)seed ^ (0x9E3779B97F4A7C15UL * (ulong)(epoch + 1));
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Mixes a seed and a counter into an independent 64-bit seed (SplitMix64 finaliser).</summary>
    public static long Mix(long seed, long counter)
    {
        var state = (ulong)seed + (0x9E3779B97F4A7C15UL * (ulong)(counter + 1));
        return (long)(Next(ref state) >> 1);
    }

    private static ulong Next(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
