using System.CommandLine;
using System.Text.Json;
using MelanoGans.Shared.Tests.Statistics.Mrmc;
using MelanoGans.Training.Commands;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Commands;

/// <summary>
/// A 64 px DCGAN trained for a few hundred steps on real dermoscopy images (the ISIC UDA-1 sample beside the checkout,
/// never in it; skipped with the reason where absent), through the command line as a researcher runs it: import, train,
/// export, metrics. After so few steps the generator is measurably closer to the real images than the phantom is, and
/// still far from them: its FD lies between the phantom's and that of two halves of the real sample.
/// </summary>
public sealed class RealSampleGeneratorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_dcgan_trained_on_the_real_sample_lands_between_two_real_halves_and_the_phantom()
    {
        var csv = SharedData.Require("isic-uda1/ISIC-2017_Training_Part3_GroundTruth.csv");
        var reals = temp.Sub("reals");
        var imported = Json("import-isic", "--images", Path.GetDirectoryName(csv)!, "--csv", csv, "--out", reals, "--resolution", "64", "--json");
        Assert.Equal((298, 83), (imported.GetProperty("images").GetInt32(), imported.GetProperty("counts").GetProperty("melanoma").GetInt32()));

        var (halfA, halfB) = (temp.Sub("half-a"), temp.Sub("half-b"));
        Directory.CreateDirectory(halfA);
        Directory.CreateDirectory(halfB);
        var files = Directory.GetFiles(reals, "*.png").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++) File.Copy(files[i], Path.Combine(i % 2 == 0 ? halfA : halfB, Path.GetFileName(files[i])));
        var phantom = temp.Sub("phantom");
        Json("phantom", "--out", phantom, "--count", "149", "--size", "64", "--json");

        // Narrow networks and one thread keep it to about half a minute on one core; the seed makes it repeatable.
        var run = Json("train", "--dataset", reals, "--resolution", "64", "--width", "16", "--batch", "16", "--max-steps", "300",
            "--snapshot-every", "300", "--tick-every", "100", "--threads", "1", "--out", temp.Sub("runs"), "--json");
        Assert.Equal(300, run.GetProperty("step").GetInt32());
        var exported = temp.Sub("export");
        Json("export", run.GetProperty("run_directory").GetString()!, "--out", exported, "--json");

        // Every comparison against real half A with 149 images a side: FD depends on the set sizes.
        var floor = Fd(Json("metrics", "--real", halfA, "--fake", halfB, "--no-cache", "--json"));
        var generator = Fd(Json("metrics", "--real", halfA, "--model", Path.Combine(exported, "generator.onnx"), "--count", "149", "--no-cache", "--json"));
        var phantomFd = Fd(Json("metrics", "--real", halfA, "--fake", phantom, "--no-cache", "--json"));
        Assert.True(floor < generator && generator < phantomFd, $"FD: real halves {floor:0.0}, generator {generator:0.0}, phantom {phantomFd:0.0}");
    }

    private static double Fd(JsonElement metrics)
    {
        Assert.Equal("resnet18", metrics.GetProperty("extractor").GetString());
        return metrics.GetProperty("fd").GetDouble();
    }

    private static JsonElement Json(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandOutput.Invoke(MelanoGansCommands.Create().Parse(args), new InvocationConfiguration { Output = output, Error = error });
        Assert.True(code == 0, $"{args[0]}: exit {code}: {error}");
        using var document = JsonDocument.Parse(output.ToString());
        return document.RootElement.Clone();
    }
}
