using System.Diagnostics;
using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Checkpoints;
using MelanoGans.Training.Data;
using MelanoGans.Training.Losses;
using MelanoGans.Training.Metrics;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Platform;
using MelanoGans.Training.Reporting;
using static TorchSharp.torch;

namespace MelanoGans.Training.Loop;

/// <summary>
/// The training loop: per step one discriminator and one generator update on a batch, as pytorch/examples
/// dcgan does, with every random number drawn from generators seeded by (seed, step) or (seed, epoch), so a
/// resumed run repeats an uninterrupted one exactly.
/// </summary>
public sealed class Trainer : IDisposable
{
    /// <summary>Images in the fixed-latent sample grids.</summary>
    public const int GridSize = 64;

    private readonly RunDirectory run;
    private readonly TrainingSession session;
    private readonly ImageFolderDataset dataset;
    private readonly RunLog log;
    private readonly int stepsPerEpoch;
    private readonly long totalSteps;
    private int[] order = [];
    private int orderEpoch = -1;
    private TrainingMetric? metric;

    private Trainer(RunDirectory run, TrainingSession session, ImageFolderDataset dataset, TextWriter console)
    {
        this.run = run;
        this.session = session;
        this.dataset = dataset;
        log = new RunLog(run, console);
        var options = session.Options;
        if (dataset.Count < options.Batch)
        {
            throw new ArgumentException($"the dataset has {dataset.Count} images, fewer than one batch of {options.Batch}");
        }

        // Incomplete last batches are dropped: every step sees a full batch (BatchNorm statistics stay comparable).
        stepsPerEpoch = dataset.Count / options.Batch;
        var planned = (long)stepsPerEpoch * options.Epochs;
        totalSteps = options.MaxSteps is { } max ? Math.Min(max, planned) : planned;
    }

    /// <summary>Raised on the training thread after each tick is written to stats.jsonl (the worker streams these).</summary>
    public event Action<TrainingTick>? Ticked;

    /// <summary>Raised on the training thread after a fixed-latent grid is written: the step and the PNG's path.</summary>
    public event Action<long, string>? GridSaved;

    public RunDirectory Run => run;

    public TrainingSession Session => session;

    public long TotalSteps => totalSteps;

    /// <summary>Creates a run directory under <paramref name="outRoot"/> (or uses <paramref name="runPath"/>) and prepares step 0.</summary>
    public static Trainer Start(TrainOptions options, string outRoot, TextWriter console, string? runPath = null)
    {
        options.Validate();
        var dataset = ImageFolderDataset.Load(options.TrainingFolder(console), options.Resolution, options.Class);
        var run = runPath is null ? RunDirectory.CreateUnder(outRoot, options) : new RunDirectory(runPath);
        Directory.CreateDirectory(run.Path);
        File.WriteAllText(run.Options, JsonSerializer.Serialize(options, TrainOptions.Json));
        var trainer = new Trainer(run, new TrainingSession(options, NativeRuntime.DefaultDevice), dataset, console);
        trainer.log.Line($"run {run.Path}: {options.Architecture} {options.Resolution}x{options.Resolution} on {dataset} ({options.Dataset}), " +
                         $"{trainer.totalSteps} steps, G {GanNetworks.ParameterCount(trainer.session.Generator):N0} and D {GanNetworks.ParameterCount(trainer.session.Discriminator):N0} parameters");
        using (var scope = NewDisposeScope())
        {
            var count = Math.Min(GridSize, dataset.Count);
            ImageGrid.SaveGrid(dataset.Batch(EpochOrder.For(options.Seed, 0, dataset.Count).AsSpan(0, count)), run.Reals);
        }

        return trainer;
    }

    /// <summary>
    /// Reopens a run at a checkpoint (the latest by default). <paramref name="maxSteps"/>, <paramref name="epochs"/>
    /// and <paramref name="threads"/> may change the plan; everything that shapes the numbers stays as saved.
    /// </summary>
    public static Trainer Resume(string runPath, TextWriter console, long? checkpoint = null, long? maxSteps = null, int? epochs = null, int? threads = null)
    {
        var run = new RunDirectory(runPath);
        if (!File.Exists(run.Options))
        {
            throw new FileNotFoundException($"{run.Path} is not a run directory: {TrainOptions.FileName} is missing");
        }

        var options = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(run.Options), TrainOptions.Json)
            ?? throw new InvalidDataException($"{run.Options} is empty");
        options = options with
        {
            MaxSteps = maxSteps ?? options.MaxSteps,
            Epochs = epochs ?? options.Epochs,
            Threads = threads ?? options.Threads,
        };
        options.Validate();
        var info = CheckpointStore.Describe(run, options, checkpoint);
        var dataset = ImageFolderDataset.Load(options.TrainingFolder(console), options.Resolution, options.Class);
        var session = new TrainingSession(options, NativeRuntime.DefaultDevice);
        try
        {
            CheckpointStore.Load(run, info, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        File.WriteAllText(run.Options, JsonSerializer.Serialize(options, TrainOptions.Json));
        var trainer = new Trainer(run, session, dataset, console);
        trainer.log.TruncateStatsAfter(info.Step);
        trainer.log.Line($"resumed {run.Path} at step {info.Step} of {trainer.totalSteps}");
        return trainer;
    }

    /// <summary>Trains until the planned step or until <paramref name="cancel"/> fires; either way the last state is checkpointed.</summary>
    public TrainingOutcome Train(CancellationToken cancel = default)
    {
        var options = session.Options;
        var clock = Stopwatch.StartNew();
        var tickClock = Stopwatch.StartNew();
        var tickStart = session.Step;
        var lastSaved = -1L;
        if (session.Step == 0)
        {
            SaveFakes();
        }

        while (session.Step < totalSteps && !cancel.IsCancellationRequested)
        {
            var losses = Step();
            var step = session.Step;
            if (losses.NonFiniteReason(step) is { } failure)
            {
                return Stop(failure);
            }

            var snapshot = step % options.SnapshotEvery == 0 || step == totalSteps;
            // A measurement makes a tick of its own, so the curve has its point at the step it was taken.
            var measured = snapshot && options.MetricEvery > 0 && (step / options.SnapshotEvery % options.MetricEvery == 0 || step == totalSteps)
                ? Measure()
                : ((double Fd, double Kid)?)null;
            if (step % options.TickEvery == 0 || step == totalSteps || measured is not null)
            {
                var seconds = tickClock.Elapsed.TotalSeconds;
                var imagesPerSecond = (step - tickStart) * options.Batch / Math.Max(seconds, 1e-9);
                var remaining = TimeSpan.FromSeconds((totalSteps - step) * options.Batch / Math.Max(imagesPerSecond, 1e-9));
                var tick = new TrainingTick
                {
                    Step = step,
                    Epoch = EpochOf(step - 1),
                    TotalSteps = totalSteps,
                    LossD = losses.LossD,
                    LossG = losses.LossG,
                    LossR1 = losses.LossR1,
                    ImagesPerSecond = imagesPerSecond,
                    ElapsedSeconds = clock.Elapsed.TotalSeconds,
                    Fd = measured?.Fd,
                    Kid = measured?.Kid,
                };
                log.Tick(tick, remaining);
                Ticked?.Invoke(tick);
                tickClock.Restart();
                tickStart = step;
            }

            if (snapshot)
            {
                SaveFakes();
                CheckpointStore.Save(run, session, EpochOf(step));
                lastSaved = step;
            }
        }

        var interrupted = session.Step < totalSteps;
        if (lastSaved != session.Step && session.Step > 0)
        {
            CheckpointStore.Save(run, session, EpochOf(session.Step));
        }

        log.Line(interrupted
            ? $"interrupted at step {session.Step}; checkpoint written, continue with: melanogans resume {run.Path}"
            : $"finished {session.Step} steps in {clock.Elapsed:hh\\:mm\\:ss}");
        return new TrainingOutcome(run.Path, session.Step, interrupted);
    }

    /// <summary>One discriminator and one generator update. Public for tests and benchmarks.</summary>
    public StepLosses Step()
    {
        var options = session.Options;
        using var scope = NewDisposeScope();
        using var random = new Generator((ulong)EpochOrder.Mix(options.Seed, session.Step), session.Device);

        var step = session.Step;
        var epoch = EpochOf(step);
        if (epoch != orderEpoch)
        {
            order = EpochOrder.For(options.Seed, epoch, dataset.Count);
            orderEpoch = epoch;
        }

        var position = (int)(step % stepsPerEpoch) * options.Batch;
        var reals = dataset.Batch(order.AsSpan(position, options.Batch)).to(session.Device);
        return session.Update(reals, random);
    }

    public void Dispose()
    {
        metric?.Dispose();
        session.Dispose();
    }

    /// <summary>FD and KID now; the feature network and the real features are made at the first measurement.</summary>
    private (double Fd, double Kid) Measure()
    {
        metric ??= new TrainingMetric(dataset, session.Options.Seed, session.Options.Threads > 0 ? session.Options.Threads : Environment.ProcessorCount);
        var measured = metric.Measure(session.SamplingGenerator, session.Device);
        log.Line(FormattableString.Invariant($"step {session.Step}: FD {measured.Fd:0.00}, KID {measured.Kid:0.00000} ({metric.Count} images, resnet18)"));
        return measured;
    }

    private int EpochOf(long step) => (int)(step / stepsPerEpoch);

    /// <summary>Ends a run whose weights went non-finite: no tick, grid or checkpoint of that step; the earlier ones stay.</summary>
    private TrainingOutcome Stop(string failure)
    {
        var kept = run.CheckpointSteps().LastOrDefault(-1);
        log.Line(kept < 0
            ? $"{failure}: the run stopped before its first checkpoint"
            : $"{failure}: the run stopped; its checkpoint at step {kept} is kept");
        return new TrainingOutcome(run.Path, Math.Max(kept, 0), Interrupted: false, failure);
    }

    /// <summary>fakes_&lt;step&gt;.png from the run's fixed latents (seeded by the run seed only).</summary>
    private void SaveFakes()
    {
        var generator = session.SamplingGenerator;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var random = new Generator((ulong)EpochOrder.Mix(session.Options.Seed, -2), session.Device);
        var latents = generator.SampleLatents(GridSize, random, session.Device);
        var wasTraining = generator.training;
        generator.eval();
        ImageGrid.SaveGrid(generator.Generate(latents), run.Fakes(session.Step));
        generator.train(wasTraining);
        GridSaved?.Invoke(session.Step, run.Fakes(session.Step));
    }
}
