using MelanoGans.Training.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Loop;

/// <summary>The networks and optimisers of a run, created deterministically from its seed.</summary>
public sealed class TrainingSession : IDisposable
{
    public TrainingSession(TrainOptions options, Device device)
    {
        Options = options.Validate();
        Device = device;
        Spec = options.Spec;

        Generator = GanNetworks.CreateGenerator(Spec, options.Seed);
        Discriminator = GanNetworks.CreateDiscriminator(Spec, options.Seed);
        Generator.to(device);
        Discriminator.to(device);
        if (options.Ema > 0)
        {
            EmaGenerator = GanNetworks.CreateGenerator(Spec);
            EmaGenerator.to(device);
            EmaGenerator.load_state_dict(Generator.state_dict());
            EmaGenerator.eval();
        }

        OptimizerG = optim.Adam(Generator.parameters(), options.Lr, beta1: 0.5, beta2: 0.999);
        OptimizerD = optim.Adam(Discriminator.parameters(), options.Lr, beta1: 0.5, beta2: 0.999);
    }

    public TrainOptions Options { get; }

    public NetworkSpec Spec { get; }

    public Device Device { get; }

    public GanGenerator Generator { get; }

    public GanDiscriminator Discriminator { get; }

    /// <summary>Exponential moving average of <see cref="Generator"/>; null when --ema is off.</summary>
    public GanGenerator? EmaGenerator { get; }

    public Adam OptimizerG { get; }

    public Adam OptimizerD { get; }

    /// <summary>Steps completed.</summary>
    public long Step { get; set; }

    /// <summary>The generator that samples and exports use: the EMA copy when there is one.</summary>
    public GanGenerator SamplingGenerator => EmaGenerator ?? Generator;

    /// <summary>ema = decay * ema + (1 - decay) * g for parameters; BatchNorm statistics are copied.</summary>
    public void UpdateEma()
    {
        if (EmaGenerator is null)
        {
            return;
        }

        using var noGrad = no_grad();
        var decay = Options.Ema;
        foreach (var (target, source) in EmaGenerator.parameters().Zip(Generator.parameters()))
        {
            target.mul_(decay).add_(source, alpha: 1 - decay);
        }

        foreach (var (target, source) in EmaGenerator.buffers().Zip(Generator.buffers()))
        {
            target.copy_(source);
        }
    }

    public void Dispose()
    {
        OptimizerG.Dispose();
        OptimizerD.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        EmaGenerator?.Dispose();
    }
}
