using MelanoGans.Shared.Imaging;

namespace MelanoGans.Server.Generation;

/// <summary>
/// Standard normal numbers from a 64-bit seed: the project's seeded xoshiro256** (<see cref="PhantomRandom"/>, also
/// behind the phantom and study freezing) with a Box-Muller transform that keeps its second value. Not
/// <see cref="Random"/>: a recorded seed must give the same latent on every .NET version and machine.
/// </summary>
public sealed class LatentRandom(long seed)
{
    private readonly PhantomRandom _random = new(unchecked((ulong)seed));
    private double? _spare;

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>A standard normal value.</summary>
    public double NextNormal()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        // 1 - u keeps the logarithm's argument in (0, 1].
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }
}
