using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Loop;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Loop;

public sealed class TrainerTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string dataset;

    public TrainerTests() => dataset = TinyDataset.Create(temp.Sub("data"));

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Runs.ArchitecturesAndResolutions), MemberType = typeof(Runs))]
    public void One_step_gives_finite_losses_and_moves_every_parameter(GanArchitecture architecture, int resolution)
    {
        using var trainer = Trainer.Start(Runs.Options(dataset, architecture, resolution), temp.Path, TextWriter.Null, temp.Sub("run"));
        var before = Snapshot(trainer.Session);

        var losses = trainer.Step();

        Assert.True(double.IsFinite(losses.LossD) && double.IsFinite(losses.LossG), $"losses {losses}");
        var after = Snapshot(trainer.Session);
        var unchanged = before.Where(p => p.Value.SequenceEqual(after[p.Key])).Select(p => p.Key).ToList();
        Assert.True(unchanged.Count == 0, "parameters that did not move: " + string.Join(", ", unchanged));
    }

    [Fact]
    public void Small_data_options_train_and_report_r1()
    {
        var options = Runs.Options(dataset, GanArchitecture.Lapgan, 64) with { DiffAug = true, R1 = 10, Ema = 0.9, Loss = "nonsaturating" };
        using var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run"));
        var emaBefore = trainer.Session.EmaGenerator!.parameters().First().detach().data<float>().ToArray();

        var losses = trainer.Step();

        Assert.True(losses.LossR1 is > 0 && double.IsFinite(losses.LossR1.Value), $"r1 {losses.LossR1}");
        Assert.NotEqual(emaBefore, trainer.Session.EmaGenerator.parameters().First().detach().data<float>().ToArray());
    }

    [Theory]
    [InlineData(GanArchitecture.Dcgan, 32, false)]
    [InlineData(GanArchitecture.Dcgan, 32, true)]
    [InlineData(GanArchitecture.Lapgan, 64, true)]
    [InlineData(GanArchitecture.DdganDeconv, 64, false)]
    public void Resumed_run_repeats_the_uninterrupted_run_step_for_step(GanArchitecture architecture, int resolution, bool smallData)
    {
        // 16 images in batches of 4: 6 steps cross an epoch boundary, so the resumed data order is tested too. Narrow
        // networks (width 16) keep the 64 px runs short; what is saved and restored is the same at any width.
        var options = Runs.Options(dataset, architecture, resolution, maxSteps: 6) with { SnapshotEvery = 3, Width = 16 };
        if (smallData)
        {
            options = options with { DiffAug = true, R1 = 1, Ema = 0.99 };
        }

        using (var whole = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("whole")))
        {
            whole.Train(TestContext.Current.CancellationToken);
        }

        using (var first = Trainer.Start(options with { MaxSteps = 3 }, temp.Path, TextWriter.Null, temp.Sub("split")))
        {
            first.Train(TestContext.Current.CancellationToken);
        }

        using (var second = Trainer.Resume(temp.Sub("split"), TextWriter.Null, maxSteps: 6))
        {
            var outcome = second.Train(TestContext.Current.CancellationToken);
            Assert.Equal(6, outcome.Step);
        }

        var expected = Ticks(temp.Sub("whole"));
        var actual = Ticks(temp.Sub("split"));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), actual.Select(t => t.Step));
        Assert.Equal(expected.Select(t => (t.Step, t.Epoch, t.LossD, t.LossG, t.LossR1)), actual.Select(t => (t.Step, t.Epoch, t.LossD, t.LossG, t.LossR1)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("whole"), "fakes_00000006.png")), File.ReadAllBytes(Path.Combine(temp.Sub("split"), "fakes_00000006.png")));
    }

    [Fact]
    public void Run_directory_holds_the_contract_files()
    {
        var options = Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 2) with { SnapshotEvery = 1 };
        using (var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run")))
        {
            trainer.Train(TestContext.Current.CancellationToken);
        }

        var run = new RunDirectory(temp.Sub("run"));
        Assert.True(File.Exists(run.Options) && File.Exists(run.Log) && File.Exists(run.Reals), "options, log or reals missing");
        Assert.True(File.Exists(run.Fakes(0)) && File.Exists(run.Fakes(1)) && File.Exists(run.Fakes(2)), "fakes grids missing");
        Assert.Equal([1L, 2L], run.CheckpointSteps());
        var saved = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(run.Options), TrainOptions.Json)!;
        Assert.Equal(options, saved);
        var tick = JsonSerializer.Deserialize<TrainingTick>(File.ReadLines(run.Stats).First())!;
        Assert.Equal(1, tick.Step);
        Assert.True(tick.ImagesPerSecond > 0);
    }

    [Fact]
    public void Tick_and_grid_events_match_the_files_the_run_writes()
    {
        var options = Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 4) with { TickEvery = 2, SnapshotEvery = 3 };
        var ticks = new List<TrainingTick>();
        var grids = new List<(long Step, string Path)>();
        using (var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run")))
        {
            trainer.Ticked += ticks.Add;
            trainer.GridSaved += (step, path) => grids.Add((step, path));
            trainer.Train(TestContext.Current.CancellationToken);
        }

        var run = new RunDirectory(temp.Sub("run"));
        Assert.Equal(Ticks(run.Path), ticks);
        Assert.Equal([(0L, run.Fakes(0)), (3L, run.Fakes(3)), (4L, run.Fakes(4))], grids);
        Assert.All(grids, g => Assert.True(File.Exists(g.Path)));
    }

    [Fact]
    public void The_in_loop_metric_adds_fd_and_kid_at_its_snapshots_and_a_tick_of_its_own()
    {
        // Ticks every 3 steps, snapshots every 2, a measurement every second snapshot (step 4) and at the end (step 5).
        var options = Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 5) with { TickEvery = 3, SnapshotEvery = 2, MetricEvery = 2 };
        var ticks = new List<TrainingTick>();
        using (var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run")))
        {
            trainer.Ticked += ticks.Add;
            trainer.Train(TestContext.Current.CancellationToken);
        }

        Assert.Equal([3L, 4L, 5L], ticks.Select(t => t.Step));
        Assert.Null(ticks[0].Fd);
        Assert.All(ticks[1..], t => Assert.True(t.Fd > 0 && t.Kid is not null, $"step {t.Step}: fd {t.Fd}, kid {t.Kid}"));
        Assert.Equal(ticks, Ticks(temp.Sub("run")));
        Assert.Contains("\"fd\":", File.ReadAllText(Path.Combine(temp.Sub("run"), TrainingTick.FileName)), StringComparison.Ordinal);
        Assert.Contains("FD ", File.ReadAllText(new RunDirectory(temp.Sub("run")).Log), StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_training_writes_a_checkpoint_and_says_it_was_interrupted()
    {
        using var trainer = Trainer.Start(Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 50), temp.Path, TextWriter.Null, temp.Sub("run"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var outcome = trainer.Train(cancel.Token);

        Assert.True(outcome.Interrupted);
        Assert.Equal(0, outcome.Step);
        trainer.Step();
        var second = trainer.Train(cancel.Token);
        Assert.Equal([1L], new RunDirectory(temp.Sub("run")).CheckpointSteps());
        Assert.True(second.Interrupted);
    }

    [Fact]
    public void A_loss_that_becomes_non_finite_stops_the_run_with_its_reason_and_keeps_the_checkpoints_before_it()
    {
        // A learning rate of 1e8 throws the weights far enough in one Adam step for a loss to overflow a step later.
        var options = Runs.Options(dataset, GanArchitecture.Dcgan, maxSteps: 8) with { Lr = 1e8, SnapshotEvery = 1 };
        using var trainer = Trainer.Start(options, temp.Path, TextWriter.Null, temp.Sub("run"));

        var outcome = trainer.Train(TestContext.Current.CancellationToken);

        var match = System.Text.RegularExpressions.Regex.Match(outcome.Failure ?? string.Empty, @"^loss_(d|g|r1) became (infinite|NaN \(not a number\)) at step (\d+)$");
        Assert.True(match.Success, $"failure: {outcome.Failure}");
        var failedAt = long.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(failedAt >= 2, $"the loss already overflowed at step {failedAt}, before any checkpoint");
        var run = new RunDirectory(temp.Sub("run"));
        Assert.Equal(Enumerable.Range(1, (int)failedAt - 1).Select(i => (long)i), run.CheckpointSteps());
        Assert.Equal((failedAt - 1, false), (outcome.Step, outcome.Interrupted));
        Assert.Equal(Enumerable.Range(1, (int)failedAt - 1).Select(i => (long)i), Ticks(run.Path).Select(t => t.Step));
        Assert.False(File.Exists(run.Fakes(failedAt)), "a grid of the non-finite step was written");
        Assert.Contains($"{outcome.Failure}: the run stopped; its checkpoint at step {failedAt - 1} is kept", File.ReadAllText(run.Log), StringComparison.Ordinal);
    }

    private static Dictionary<string, float[]> Snapshot(TrainingSession session) =>
        session.Generator.named_parameters().Select(p => ("G." + p.name, p.parameter))
            .Concat(session.Discriminator.named_parameters().Select(p => ("D." + p.name, p.parameter)))
            .ToDictionary(p => p.Item1, p => p.Item2.detach().cpu().data<float>().ToArray());

    private static List<TrainingTick> Ticks(string run) =>
        File.ReadLines(Path.Combine(run, TrainingTick.FileName)).Select(l => JsonSerializer.Deserialize<TrainingTick>(l)!).ToList();
}
