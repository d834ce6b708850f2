using System.CommandLine;
using System.Globalization;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Experiments;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans experiment imbalance</c>: the study's class-imbalance use case on a dataset and models of the user's own.</summary>
internal static class ExperimentCommand
{
    public static Command Create() => new("experiment", "Run experiments on trained generators.") { Imbalance() };

    private static Command Imbalance()
    {
        var dataset = new Option<string>("--dataset") { Description = "Image folder with manifest.csv (file,label); label melanoma is the positive class.", Required = true };
        var models = new Option<string[]>("--models") { Description = "generator.onnx files or export folders of melanoma generators (one arm each).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [] };
        var resolution = new Option<int>("--resolution") { Description = "Image side in pixels: a power of two from 32 to 256.", DefaultValueFactory = _ => 64 };
        var remove = new Option<double>("--remove-fraction") { Description = "Fraction of the training melanomas removed in the imbalanced arms.", DefaultValueFactory = _ => 0.9 };
        var testFraction = new Option<double>("--test-fraction") { Description = "Fraction of each label held out as the real test split.", DefaultValueFactory = _ => 0.2 };
        var seeds = new Option<int>("--seeds") { Description = "Classifier seeds per arm.", DefaultValueFactory = _ => 3 };
        var splitSeed = new Option<long>("--split-seed") { Description = "Seed of the test split.", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int?>("--epochs") { Description = $"Passes over the full real training split (default {ImbalanceOptions.DefaultEpochs}); every arm gets the same steps." };
        var steps = new Option<int?>("--steps") { Description = "Optimiser steps per classifier (overrides --epochs)." };
        var batch = new Option<int>("--batch") { Description = "Images per step.", DefaultValueFactory = _ => 32 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var width = new Option<int>("--width") { Description = "Channels of the classifier's first stage.", DefaultValueFactory = _ => 16 };
        var target = new Option<string>("--synthetic-target") { Description = "original: synthetic melanomas replace the removed ones; equal: as many melanomas as others.", DefaultValueFactory = _ => "original" };
        target.AcceptOnlyFromAmong("original", "equal");
        var threads = new Option<int>("--threads") { Description = "Torch and ONNX Runtime CPU threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "Run directory for results.json, results.md, results.svg and split.csv (default experiments/imbalance-TIME)." };
        var json = CommandOutput.JsonOption();

        var command = new Command("imbalance", "Train melanoma classifiers on full, imbalanced, re-weighted, oversampled and synthetic-augmented data.")
        {
            dataset, models, resolution, remove, testFraction, seeds, splitSeed, epochs, steps, batch, lr, width, target, threads, output, json,
        };
        command.SetAction(parse => CommandOutput.Run(parse, () =>
        {
            var options = new ImbalanceOptions
            {
                Dataset = Path.GetFullPath(parse.GetValue(dataset)!),
                Models = parse.GetValue(models) ?? [],
                Resolution = parse.GetValue(resolution),
                RemoveFraction = parse.GetValue(remove),
                TestFraction = parse.GetValue(testFraction),
                Seeds = parse.GetValue(seeds),
                SplitSeed = parse.GetValue(splitSeed),
                Epochs = parse.GetValue(epochs),
                Steps = parse.GetValue(steps),
                Batch = parse.GetValue(batch),
                Lr = parse.GetValue(lr),
                Width = parse.GetValue(width),
                SyntheticTarget = parse.GetValue(target)!,
                Threads = parse.GetValue(threads),
            }.Validate();
            NativeRuntime.Configure(options.Threads);
            var asJson = parse.GetValue(json);
            var folder = parse.GetValue(output)
                ?? Path.Combine("experiments", "imbalance-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
            var result = ImbalanceExperiment.Run(options, folder, asJson ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output);
            if (asJson)
            {
                CommandOutput.Json(parse, new { RunDirectory = Path.GetFullPath(folder), Result = result });
            }
            else
            {
                parse.InvocationConfiguration.Output.WriteLine($"wrote {ImbalanceExperimentResult.FileName}, {ExperimentTable.FileName}, {ExperimentChart.FileName} to {Path.GetFullPath(folder)}");
            }

            return 0;
        }));
        return command;
    }
}
