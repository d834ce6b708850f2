using MelanoGans.Shared.Experiments;
using System.Text.Json;
using System.Xml.Linq;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Commands;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Export;
using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Experiments;

public sealed class ImbalanceExperimentTests(ExperimentFixture fixture) : IClassFixture<ExperimentFixture>, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private ImbalanceOptions Options(params string[] models) => new()
    {
        Dataset = fixture.Dataset,
        Models = models,
        Resolution = 32,
        RemoveFraction = 0.5,
        TestFraction = 0.25,
        Seeds = 2,
        Steps = 3,
        Batch = 4,
        Width = 4,
        Threads = 1,
    };

    [Fact]
    public void A_tiny_run_reports_every_arm_and_metric_well_formed_and_writes_its_files()
    {
        var run = temp.Sub("run");

        var progress = new List<ExperimentProgress>();
        var result = ImbalanceExperiment.Run(Options(fixture.MelanomaGenerator), run, TextWriter.Null, progress.Add, TestContext.Current.CancellationToken);

        Assert.Equal(["full", "imbalanced", "weighted", "oversampled", "synthetic:melanoma-gan"], result.Arms.Select(a => a.Name));
        Assert.Equal(["accuracy", "balanced_accuracy", "sensitivity", "specificity", "auc"], result.MetricNames);
        Assert.Equal(new ExperimentSplitSummary(9, 9, 3, 3, 5), result.Split);
        foreach (var arm in result.Arms)
        {
            Assert.Equal([0L, 1L], arm.Runs.Select(r => r.Seed));
            foreach (var name in result.MetricNames)
            {
                Assert.All(arm.Runs, r => Assert.InRange(r.Metrics[name], 0.0, 1.0));
                var summary = arm.Metrics[name];
                Assert.True(double.IsFinite(summary.Mean) && double.IsFinite(summary.Sd) && summary.Sd >= 0, $"{arm.Name} {name} {summary}");
                Assert.InRange(summary.Mean, summary.Min, summary.Max);
                Assert.Equal(arm.Runs.Average(r => r.Metrics[name]), summary.Mean, 12);
                if (arm.Name == ImbalanceExperimentResult.BaselineArm)
                {
                    Assert.Null(arm.Comparison);
                }
                else
                {
                    var comparison = arm.Comparison![name];
                    Assert.True(double.IsFinite(comparison.MeanDifference), $"{arm.Name} {name}");
                    Assert.True(comparison.PValue is null or (>= 0 and <= 1), $"{arm.Name} {name} p {comparison.PValue}");
                }
            }
        }

        // Training data of each arm: the imbalanced arms keep 4 of 9 melanomas; synthetic ones restore 9.
        Assert.Equal((9, 0, 9), Counts(result, "full"));
        Assert.Equal((4, 0, 9), Counts(result, "imbalanced"));
        Assert.Equal((4, 5, 9), Counts(result, "synthetic:melanoma-gan"));
        // The fixture's generator was trained on every melanoma of this very folder: its arm says so.
        Assert.Contains("it has seen this experiment's test melanomas", result.Arms[^1].Warning);
        Assert.All(result.Arms.SkipLast(1), a => Assert.Null(a.Warning));

        var read = JsonSerializer.Deserialize<ImbalanceExperimentResult>(File.ReadAllText(Path.Combine(run, ImbalanceExperimentResult.FileName)), ImbalanceExperimentResult.Json)!;
        Assert.Equal(result.Arms.Select(a => a.Metrics[ClassifierMetrics.Auc]), read.Arms.Select(a => a.Metrics[ClassifierMetrics.Auc]));
        var table = File.ReadAllText(Path.Combine(run, ExperimentTable.FileName));
        Assert.All(result.Arms, a => Assert.Contains($"| {a.Label} |", table));
        var svg = XDocument.Load(Path.Combine(run, ExperimentChart.FileName));
        Assert.Equal(result.Arms.Count * result.MetricNames.Count, svg.Descendants().Count(e => e.Name.LocalName == "rect") - 1 - result.MetricNames.Count);

        // Progress: steps only grow up to arms x seeds x steps, and every classifier is reported once, as in the result.
        Assert.All(progress, p => Assert.Equal(5 * 2 * 3, p.TotalSteps));
        Assert.Equal(progress.Select(p => p.Step).Order(), progress.Select(p => p.Step));
        Assert.Equal(30, progress[^1].Step);
        var finished = progress.Select(p => p.Finished).OfType<ExperimentRunReport>().ToList();
        Assert.Equal(result.Arms.SelectMany(a => a.Runs.Select(r => (a.Name, r.Seed, r.Metrics[ClassifierMetrics.Auc]))).Order(),
            finished.Select(f => (f.Arm, f.Seed, f.Metrics[ClassifierMetrics.Auc])).Order());
        Assert.Equal((4, 5, 9), finished.Where(f => f.Arm == "synthetic:melanoma-gan").Select(f => (f.TrainMelanoma, f.SyntheticMelanoma, f.TrainOther)).Distinct().Single());
    }

    [Fact]
    public void A_cancelled_run_stops_between_two_steps()
    {
        using var cancel = new CancellationTokenSource();
        var steps = new List<long>();

        Assert.ThrowsAny<OperationCanceledException>(() => ImbalanceExperiment.Run(Options() with { Steps = 1000 }, temp.Sub("run"), TextWriter.Null, p =>
        {
            steps.Add(p.Step);
            if (p.Step >= 100) cancel.Cancel();
        }, cancel.Token));

        // Reports come every 50 steps of 1000; the run stops at the first step after the cancel.
        Assert.Equal([0L, 50, 100], steps);
    }

    [Fact]
    public void The_split_file_of_a_run_puts_no_image_in_both_training_and_test()
    {
        var run = temp.Sub("run");
        ImbalanceExperiment.Run(Options() with { Seeds = 1, Steps = 1 }, run, TextWriter.Null, cancel: TestContext.Current.CancellationToken);

        var rows = File.ReadLines(Path.Combine(run, ImbalanceExperiment.SplitFileName)).Skip(1).Select(l => l.Split(',')).ToList();
        var train = rows.Where(r => r[2] == "train").Select(r => r[0]).ToHashSet();
        var test = rows.Where(r => r[2] == "test").Select(r => r[0]).ToHashSet();

        Assert.Empty(train.Intersect(test));
        Assert.Equal(24, train.Count + test.Count);
        Assert.Equal(6, test.Count);
    }

    [Fact]
    public void A_generator_trained_on_all_classes_is_refused_before_training()
    {
        var folder = Export(temp.Sub("all"), resolution: 32, className: null);

        var error = Assert.Throws<ArgumentException>(() => ImbalanceExperiment.Run(Options(folder), temp.Sub("run"), TextWriter.Null, cancel: TestContext.Current.CancellationToken));

        Assert.Contains("'all' was trained on all classes", error.Message);
        Assert.False(Directory.Exists(temp.Sub("run")));
    }

    [Fact]
    public void A_generator_of_another_class_is_refused()
    {
        var folder = Export(temp.Sub("nevi"), resolution: 32, className: "nevus");

        var error = Assert.Throws<ArgumentException>(() => ImbalanceExperiment.Run(Options(folder), temp.Sub("run"), TextWriter.Null, cancel: TestContext.Current.CancellationToken));

        Assert.Contains("trained on class 'nevus'", error.Message);
    }

    [Fact]
    public void A_generator_of_another_resolution_is_refused()
    {
        var folder = Export(temp.Sub("big"), resolution: 64, className: "melanoma");

        var error = Assert.Throws<ArgumentException>(() => ImbalanceExperiment.Run(Options(fixture.MelanomaGenerator, folder), temp.Sub("run"), TextWriter.Null, cancel: TestContext.Current.CancellationToken));

        Assert.Contains("makes 64x64 images but the experiment runs at 32x32", error.Message);
    }

    [Fact]
    public void Too_few_melanomas_left_to_train_is_a_one_line_error_on_the_command_line()
    {
        var error = new StringWriter();

        var code = ExperimentCommand.Create().Parse([
            "imbalance", "--dataset", fixture.Dataset, "--resolution", "32", "--remove-fraction", "0.9", "--test-fraction", "0.25",
            "--steps", "1", "--threads", "1", "--out", temp.Sub("run")]).Invoke(new() { Error = error });

        Assert.Equal(1, code);
        Assert.Equal(
            "melanogans experiment imbalance: too few melanomas left to train: removing 0.9 of the 9 training melanomas leaves 1, at least 2 are needed (lower the remove fraction or use a larger dataset)",
            error.ToString().Trim());
    }

    [Fact]
    public void Too_few_melanomas_for_a_test_split_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImbalanceExperiment.Run(Options() with { TestFraction = 0.05 }, temp.Sub("run"), TextWriter.Null, cancel: TestContext.Current.CancellationToken));

        Assert.Contains("too few melanomas or other lesions to split: 1 melanomas in the test split", error.Message);
    }

    private static (int Real, int Synthetic, int Others) Counts(ImbalanceExperimentResult result, string arm)
    {
        var a = result.Arms.Single(x => x.Name == arm);
        return (a.TrainMelanoma, a.SyntheticMelanoma, a.TrainOther);
    }

    /// <summary>A freshly initialised DCGAN exported with the trainer's exporter: only its manifest matters to these tests.</summary>
    private static string Export(string folder, int resolution, string? className)
    {
        Directory.CreateDirectory(folder);
        using var generator = GanNetworks.CreateGenerator(new NetworkSpec(GanArchitecture.Dcgan, resolution), seed: 3);
        GeneratorExporter.Export(generator, folder, "tiny", className, step: 0, ema: false);
        return folder;
    }
}
