using MelanoGans.Training.Losses;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Loop;

/// <summary>The networks and optimisers of a run, created deterministically from its seed.</summary>
public sealed class TrainingSession : IDisposable
{
    public TrainingSession(TrainOptions options, Device device)
    {
        NativeRuntime.UseLibTorchConvolutions();
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

    /// <summary>
    /// One discriminator and one generator update on <paramref name="reals"/> (N x 3 x R x R in [-1, 1]), every
    /// random number drawn from <paramref name="random"/>; advances <see cref="Step"/>. The caller owns the dispose
    /// scope. Shared by the training loop and <c>melanogans bench train</c>, so the benchmark times the real step.
    /// </summary>
    public StepLosses Update(Tensor reals, Generator random)
    {
        var (g, d) = (Generator, Discriminator);
        var realViews = PyramidViews.ForDiscriminators(Spec, PyramidViews.FromReal(Spec, reals));
        if (Options.R1 > 0)
        {
            realViews = realViews.Select(v => v.detach().requires_grad_(true)).ToArray();
        }

        g.train();
        d.train();
        var fakeViews = PyramidViews.ForDiscriminators(Spec, g.call(g.SampleLatents(reals.shape[0], random, Device)));

        // Discriminator: reals up, detached fakes down.
        OptimizerD.zero_grad();
        var realLogits = d.call(Augment(realViews, random));
        var fakeLogits = d.call(Augment(fakeViews.Select(v => v.detach()).ToArray(), random));
        var lossD = AdversarialLoss.Discriminator(Options.LossKind, realLogits, fakeLogits);
        Tensor? r1 = Options.R1 > 0 ? R1Penalty.Compute(realViews, realLogits, Options.R1) : null;
        (r1 is null ? lossD : lossD + r1).backward();
        OptimizerD.step();

        // Generator: through the updated discriminator (its gradients are cleared by the next zero_grad).
        OptimizerG.zero_grad();
        var lossG = AdversarialLoss.Generator(Options.LossKind, d.call(Augment(fakeViews, random)));
        lossG.backward();
        OptimizerG.step();
        UpdateEma();

        Step++;
        return new StepLosses(lossD.item<float>(), lossG.item<float>(), r1?.item<float>());
    }

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

    private IReadOnlyList<Tensor> Augment(IReadOnlyList<Tensor> views, Generator random) =>
        Options.DiffAug ? views.Select(v => DiffAugment.Apply(v, random)).ToArray() : views;

    public void Dispose()
    {
        OptimizerG.Dispose();
        OptimizerD.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        EmaGenerator?.Dispose();
    }
}
