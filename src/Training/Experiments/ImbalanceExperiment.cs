using MelanoGans.Shared.Experiments;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Platform;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// The study's class-imbalance use case: classifiers trained on full real data, on data with most melanomas
/// removed, on that data with class weighting or oversampling, and on that data plus synthetic melanomas from each
/// model; all evaluated on one held-out real test split, over several seeds, compared pairwise by seed.
/// </summary>
internal static class ImbalanceExperiment
{
    /// <summary>Split file written next to the results: file, label, part (train or test).</summary>
    public const string SplitFileName = "split.csv";

    /// <summary>Progress reports per classifier: about this many, plus one when each classifier finishes.</summary>
    private const int ReportsPerClassifier = 20;

    /// <summary>Runs every arm and seed, writes results.json, results.md, results.svg and split.csv into <paramref name="runDirectory"/>.</summary>
    /// <param name="progress">Told where the run is during every classifier and when each one finishes (on the calling thread).</param>
    /// <param name="cancel">Stops the run between two classifier steps with <see cref="OperationCanceledException"/>.</param>
    public static ImbalanceExperimentResult Run(
        ImbalanceOptions options, string runDirectory, TextWriter log, Action<ExperimentProgress>? progress = null, CancellationToken cancel = default)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();

        // Models first: a wrong class or resolution is refused before minutes go into loading and training.
        var models = new List<SyntheticMelanomaModel>();
        try
        {
            foreach (var path in options.Models)
            {
                models.Add(SyntheticMelanomaModel.Open(path, options.Resolution, Math.Max(1, options.Threads)));
            }

            var images = LabelledImages.Load(options.Dataset, options.Resolution);
            var split = ExperimentSplit.Create(images, options.TestFraction, options.SplitSeed);
            split.CheckRemoval(options.RemoveFraction);
            Directory.CreateDirectory(runDirectory);
            WriteSplit(images, split, Path.Combine(runDirectory, SplitFileName));

            var arms = Arms(models);
            var steps = options.StepsFor(split.TrainMelanoma.Length + split.TrainOther.Length);
            var testPixels = split.Test.Select(i => images.Pixels[i]).ToArray();
            var testLabels = split.Test.Select(i => images.IsMelanoma[i]).ToArray();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imbalance: {images.Count} images at {options.Resolution}x{options.Resolution}; train {split.TrainMelanoma.Length} melanomas + {split.TrainOther.Length} others, test {split.TestMelanoma.Length} + {split.TestOther.Length}; removing {split.RemovedCount(options.RemoveFraction)} training melanomas; {arms.Count} arms x {options.Seeds} seeds, {steps} steps of {options.Batch}"));

            var totalSteps = (long)arms.Count * options.Seeds * steps;
            var reportEvery = Math.Max(1, steps / ReportsPerClassifier);
            var runs = arms.ToDictionary(a => a.Name, _ => new List<ExperimentSeedRun>());
            var classifiersDone = 0L;
            // Only each arm's image counts outlive a classifier (the same for every seed), not its training images.
            var counts = new Dictionary<string, (int Real, int Synthetic, int Others)>();
            for (var s = 0; s < options.Seeds; s++)
            {
                long seed = s;
                var kept = split.KeptMelanomas(options.RemoveFraction, seed);
                foreach (var arm in arms)
                {
                    var armClock = Stopwatch.StartNew();
                    var train = TrainingSet(arm, images, split, kept, options, seed);
                    counts[arm.Name] = (train.Melanomas - train.Synthetic, train.Synthetic, train.Others);
                    var before = classifiersDone * steps;
                    var trainClock = Stopwatch.StartNew();
                    double Rate(int done) => done * options.Batch / Math.Max(trainClock.Elapsed.TotalSeconds, 1e-9);
                    progress?.Invoke(new ExperimentProgress(before, totalSteps, arm.Label, seed, 0, null));
                    var scores = ClassifierTraining.TrainAndScore(
                        train, arm.Kind, testPixels, options.Resolution, options.Width, steps, options.Batch, options.Lr, seed, NativeRuntime.DefaultDevice,
                        done =>
                        {
                            if (done % reportEvery == 0 && done < steps) progress?.Invoke(new ExperimentProgress(before + done, totalSteps, arm.Label, seed, Rate(done), null));
                        },
                        cancel);
                    var metrics = ClassifierMetrics.Compute(scores, testLabels);
                    runs[arm.Name].Add(new ExperimentSeedRun(seed, metrics, armClock.Elapsed.TotalSeconds));
                    classifiersDone++;
                    progress?.Invoke(new ExperimentProgress(classifiersDone * steps, totalSteps, arm.Label, seed, Rate(steps),
                        new ExperimentRunReport(arm.Name, arm.Label, seed, metrics, armClock.Elapsed.TotalSeconds, train.Melanomas - train.Synthetic, train.Synthetic, train.Others)));
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"seed {s + 1}/{options.Seeds} {arm.Name,-24} train {train.Melanomas - train.Synthetic,4}+{train.Synthetic,-4} mel {train.Others,5} other: acc {metrics[ClassifierMetrics.Accuracy]:0.000} bal.acc {metrics[ClassifierMetrics.BalancedAccuracy]:0.000} sens {metrics[ClassifierMetrics.Sensitivity]:0.000} spec {metrics[ClassifierMetrics.Specificity]:0.000} auc {metrics[ClassifierMetrics.Auc]:0.000} ({armClock.Elapsed.TotalSeconds:0.0} s)"));
                }
            }

            var baseline = runs[ImbalanceExperimentResult.BaselineArm];
            var result = new ImbalanceExperimentResult
            {
                FinishedAt = DateTimeOffset.UtcNow,
                Dataset = options.NameOfDataset,
                Resolution = options.Resolution,
                RemoveFraction = options.RemoveFraction,
                TestFraction = options.TestFraction,
                SplitSeed = options.SplitSeed,
                Seeds = Enumerable.Range(0, options.Seeds).Select(s => (long)s).ToArray(),
                Steps = steps,
                Batch = options.Batch,
                Lr = options.Lr,
                Width = options.Width,
                Split = new ExperimentSplitSummary(split.TrainMelanoma.Length, split.TrainOther.Length, split.TestMelanoma.Length, split.TestOther.Length, split.RemovedCount(options.RemoveFraction)),
                MetricNames = ClassifierMetrics.Names,
                Arms = arms.Select(arm => Summarise(arm, counts[arm.Name], runs[arm.Name], baseline, options)).ToArray(),
                Seconds = clock.Elapsed.TotalSeconds,
                Device = NativeRuntime.NameOf(NativeRuntime.DefaultDevice),
            };
            File.WriteAllText(Path.Combine(runDirectory, ImbalanceExperimentResult.FileName), JsonSerializer.Serialize(result, ImbalanceExperimentResult.Json));
            File.WriteAllText(Path.Combine(runDirectory, ExperimentTable.FileName), ExperimentTable.Markdown(result));
            File.WriteAllText(Path.Combine(runDirectory, ExperimentChart.FileName), ExperimentChart.Svg(result));
            return result;
        }
        finally
        {
            foreach (var model in models)
            {
                model.Dispose();
            }
        }
    }

    private static List<ExperimentArm> Arms(IReadOnlyList<SyntheticMelanomaModel> models)
    {
        var arms = new List<ExperimentArm>
        {
            new("full", "full real", ExperimentArmKind.Full),
            new(ImbalanceExperimentResult.BaselineArm, "imbalanced real", ExperimentArmKind.Imbalanced),
            new("weighted", "imbalanced + class weighting", ExperimentArmKind.Weighted),
            new("oversampled", "imbalanced + oversampling", ExperimentArmKind.Oversampled),
        };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var name = "synthetic:" + model.Name;
            for (var k = 2; !names.Add(name); k++)
            {
                name = $"synthetic:{model.Name}-{k}";
            }

            arms.Add(new(name, $"imbalanced + {model.Manifest.Architecture.ToUpperInvariant()} melanomas ({name["synthetic:".Length..]})", ExperimentArmKind.Synthetic, model));
        }

        return arms;
    }

    private static ExperimentTrainingSet TrainingSet(
        ExperimentArm arm, LabelledImages images, ExperimentSplit split, int[] keptMelanomas, ImbalanceOptions options, long seed)
    {
        var melanomas = arm.Kind == ExperimentArmKind.Full ? split.TrainMelanoma : keptMelanomas;
        var pixels = melanomas.Concat(split.TrainOther).Select(i => images.Pixels[i]).ToList();
        var labels = melanomas.Select(_ => true).Concat(split.TrainOther.Select(_ => false)).ToList();
        if (arm.Model is null)
        {
            return new ExperimentTrainingSet(pixels, labels);
        }

        var target = options.SyntheticTarget == "equal" ? split.TrainOther.Length : split.TrainMelanoma.Length;
        var synthetic = arm.Model.Generate(Math.Max(0, target - melanomas.Length), seed);
        pixels.AddRange(synthetic);
        labels.AddRange(synthetic.Select(_ => true));
        return new ExperimentTrainingSet(pixels, labels, synthetic.Length);
    }

    private static ExperimentArmResult Summarise(
        ExperimentArm arm, (int Real, int Synthetic, int Others) counts, List<ExperimentSeedRun> runs, List<ExperimentSeedRun> baseline, ImbalanceOptions options) => new()
    {
        Name = arm.Name,
        Label = arm.Label,
        Model = arm.Model?.OnnxPath,
        Warning = arm.Model is { Manifest: var manifest }
            ? ImbalanceModelRules.LeakWarning(manifest.Dataset, manifest.HeldOut, options.NameOfDataset, options.TestFraction, options.SplitSeed)
            : null,
        TrainMelanoma = counts.Real,
        SyntheticMelanoma = counts.Synthetic,
        TrainOther = counts.Others,
        Runs = runs,
        Metrics = ClassifierMetrics.Names.ToDictionary(m => m, m => SeedStatistics.Summarise(runs.Select(r => r.Metrics[m]).ToArray())),
        Comparison = arm.Name == ImbalanceExperimentResult.BaselineArm
            ? null
            : ClassifierMetrics.Names.ToDictionary(m => m, m => SeedStatistics.Paired(runs.Select(r => r.Metrics[m]).ToArray(), baseline.Select(r => r.Metrics[m]).ToArray())),
    };

    private static void WriteSplit(LabelledImages images, ExperimentSplit split, string path)
    {
        var text = new StringBuilder("file,label,part\n");
        foreach (var (indices, part) in new[] { (split.Train, "train"), (split.Test, "test") })
        {
            foreach (var i in indices)
            {
                text.Append(CultureInfo.InvariantCulture, $"{images.Files[i]},{images.Labels[i]},{part}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
    }
}
