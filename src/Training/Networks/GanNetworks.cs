using static TorchSharp.torch;

namespace MelanoGans.Training.Networks;

/// <summary>Builds the generator and discriminator of a spec, initialised from the current torch seed.</summary>
public static class GanNetworks
{
    public static GanGenerator CreateGenerator(NetworkSpec spec)
    {
        spec.Validate();
        GanGenerator generator = spec.Architecture switch
        {
            GanArchitecture.Dcgan => new DcganGenerator(spec),
            GanArchitecture.Lapgan => new LapganGenerator(spec),
            _ => new DdganGenerator(spec),
        };
        WeightInit.Apply(generator);
        return generator;
    }

    public static GanDiscriminator CreateDiscriminator(NetworkSpec spec)
    {
        spec.Validate();
        var discriminator = new GanDiscriminator(spec);
        WeightInit.Apply(discriminator);
        return discriminator;
    }

    /// <summary>Number of trainable scalars of a module.</summary>
    public static long ParameterCount(nn.Module module) => module.parameters().Sum(p => p.numel());
}
