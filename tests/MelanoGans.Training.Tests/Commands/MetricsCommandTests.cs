using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Commands;
using MelanoGans.Training.Metrics;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Commands;

public sealed class MetricsCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { MetricsCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Phantoms(string name, int count, ulong seed, int size = 64)
    {
        var folder = _temp.Sub(name);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var image = PhantomRenderer.Render(i % 3 == 0 ? LesionClass.Melanoma : LesionClass.Nevus, seed + (ulong)i, size);
            File.WriteAllBytes(Path.Combine(folder, $"img_{i:D3}.png"), ImageCodec.EncodePng(image));
        }

        return folder;
    }

    [Fact]
    public void Json_reports_every_metric_and_the_features_written_load_in_numpy()
    {
        var real = Phantoms("real", 8, 1);
        var fake = Phantoms("fake", 6, 500);
        var features = _temp.Sub("features");

        var (exitCode, output, error) = Run("metrics", "--real", real, "--fake", fake, "--json", "--cache-dir", _temp.Sub("cache"),
            "--features-out", features, "--threads", "1");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("resnet18", root.GetProperty("extractor").GetString());
        Assert.Equal((8, 6), (root.GetProperty("real_count").GetInt32(), root.GetProperty("fake_count").GetInt32()));
        Assert.True(root.GetProperty("fd").GetDouble() > 0);
        foreach (var share in new[] { "precision", "recall", "coverage", "memorisation_share", "pixel_memorisation_share" })
        {
            Assert.InRange(root.GetProperty(share).GetDouble(), 0, 1);
        }

        Assert.True(root.GetProperty("small_sample").GetBoolean());
        Assert.StartsWith("img_", root.GetProperty("closest")[0].GetProperty("fake").GetString(), StringComparison.Ordinal);
        Assert.Equal("(8, 512) (6, 512) True", Numpy(
            $"import numpy as np; r=np.load('{features}/real.npy'); f=np.load('{features}/fake.npy'); print(r.shape, f.shape, r.dtype == np.float32)"));
        Assert.Contains("features real [", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sharper_real_set_is_downscaled_to_the_generated_size_before_the_extractor()
    {
        var real128 = Phantoms("real128", 4, 1, size: 128);
        var fake = Phantoms("fake", 3, 500);
        // The same real images, downscaled to 64 by the codec's bicubic resize beforehand.
        var real64 = _temp.Sub("real64");
        Directory.CreateDirectory(real64);
        foreach (var file in Directory.GetFiles(real128))
        {
            File.WriteAllBytes(Path.Combine(real64, Path.GetFileName(file)),
                ImageCodec.EncodePng(ImageCodec.CentreCropResize(ImageCodec.DecodeFile(file), 64)));
        }

        var (exit, output, error) = Run("metrics", "--real", real128, "--fake", fake, "--json", "--no-cache", "--features-out", _temp.Sub("a"), "--threads", "1");
        var (exit64, _, error64) = Run("metrics", "--real", real64, "--fake", fake, "--json", "--no-cache", "--features-out", _temp.Sub("b"), "--threads", "1");

        Assert.True(exit == 0 && exit64 == 0, error + error64);
        Assert.Equal(64, JsonDocument.Parse(output).RootElement.GetProperty("compared_at").GetInt32());
        Assert.Equal(File.ReadAllBytes(_temp.Sub("b/real.npy")), File.ReadAllBytes(_temp.Sub("a/real.npy")));
    }

    [Fact]
    public void The_second_run_reads_every_feature_from_the_cache()
    {
        var real = Phantoms("real", 5, 1);
        var files = MetricsImageFolder.Load(real, "real").Files;
        using var extractor = FeatureExtractor.Open("resnet18", threads: 1);
        var cache = new FeatureCache(_temp.Sub("cache"), extractor.Identity);

        var first = new ImageFeatures(extractor, cache);
        var computed = first.FromFiles(files);
        var second = new ImageFeatures(extractor, cache);
        var cached = second.FromFiles(files);

        Assert.Equal((5, 0), (first.Computed, second.Computed));
        Assert.Equal(computed.Features, cached.Features);
    }

    [Fact]
    public void A_generator_model_is_sampled_for_the_generated_set()
    {
        var real = Phantoms("real", 6, 1);
        var model = Path.Combine(StudioRepository.Root, "models", "demo", "generator.onnx");

        var (exitCode, output, error) = Run("metrics", "--real", real, "--model", model, "--count", "5", "--no-cache", "--threads", "1");

        Assert.True(exitCode == 0, error);
        Assert.Contains("6 real, 5 generated images", output, StringComparison.Ordinal);
        Assert.Contains("generated #", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused_with_one_line()
    {
        var real = Phantoms("real", 4, 1);
        var one = Phantoms("one", 1, 9);
        var empty = _temp.Sub("empty");
        Directory.CreateDirectory(empty);
        var mixed = Phantoms("mixed", 2, 20);
        File.WriteAllBytes(Path.Combine(mixed, "big.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 3, 128)));

        Assert.Contains("has no PNG or JPEG files", Refused("--real", real, "--fake", empty));
        Assert.Contains("at least 2", Refused("--real", real, "--fake", one, "--no-cache"));
        Assert.Contains("mixes image sizes (128x128, 64x64)", Refused("--real", real, "--fake", mixed));
        Assert.Contains("either --fake DIR or --model", Refused("--real", real));
        Assert.Contains("neither resnet18 nor a manifest", Refused("--real", real, "--fake", real, "--extractor", "inception"));
    }

    private static string Refused(params string[] args)
    {
        var (exitCode, output, error) = Run(["metrics", .. args, "--threads", "1"]);
        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        return error;
    }

    private static string Numpy(string code)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-c", code }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
