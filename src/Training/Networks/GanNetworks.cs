using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>Builds the generator and discriminator of a spec, initialised from a seed.</summary>
public static class GanNetworks
{
    public static GanGenerator CreateGenerator(NetworkSpec spec, long seed = 0)
    {
        spec.Validate();
        GanGenerator generator = spec.Architecture switch
        {
            GanArchitecture.Dcgan => new DcganGenerator(spec),
            GanArchitecture.Lapgan => new LapganGenerator(spec),
            _ => new DdganGenerator(spec),
        };
        using var random = new Generator((ulong)seed, CPU);
        WeightInit.Apply(generator, random);
        return generator;
    }

    public static GanDiscriminator CreateDiscriminator(NetworkSpec spec, long seed = 0)
    {
        spec.Validate();
        var discriminator = new GanDiscriminator(spec);
        // A different stream from the generator's, so G and D do not start from correlated weights.
        using var random = new Generator((ulong)seed ^ 0x5DEECE66DUL, CPU);
        WeightInit.Apply(discriminator, random);
        return discriminator;
    }

    /// <summary>Number of trainable scalars of a module.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
