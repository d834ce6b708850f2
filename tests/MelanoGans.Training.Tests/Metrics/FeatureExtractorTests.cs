using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Metrics;
using MelanoGans.Training.Tests.TestSupport;

namespace MelanoGans.Training.Tests.Metrics;

public sealed class FeatureExtractorTests : IDisposable
{
    private static readonly string BuiltIn = Path.Combine(AppContext.BaseDirectory, "extractors", "resnet18");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static RgbImage Phantom(int i, int size = 224) =>
        PhantomRenderer.Render(i % 2 == 0 ? LesionClass.Melanoma : LesionClass.Nevus, (ulong)(100 + i), size);

    [Fact]
    public void ResNet18_features_match_an_independent_numpy_forward_pass()
    {
        using var extractor = FeatureExtractor.Open("resnet18", threads: 1);
        RgbImage[] images = [Phantom(0), Phantom(1)];

        var rows = extractor.Extract(images);
        var planes = images.SelectMany(extractor.Planes).ToArray();
        var expected = NumpyResNetReference.Features(BuiltIn, planes, images.Length, _temp.Path);

        Assert.Equal(512, extractor.Dimensions);
        Assert.Equal("resnet18", extractor.Manifest.Name);
        var actual = rows.SelectMany(r => r).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        var worst = actual.Zip(expected, (a, e) => Math.Abs(a - e) / (1e-3 + Math.Abs(e))).Max();
        Assert.True(worst < 1e-3, $"largest relative difference {worst}");
        Assert.True(actual.Average() > 0.01, "features should not be all zero");
    }

    [Fact]
    public void A_batch_gives_the_features_of_one_image_at_a_time_and_other_sizes_are_resized()
    {
        using var extractor = FeatureExtractor.Open("resnet18", threads: 1);
        var images = Enumerable.Range(0, 3).Select(i => Phantom(i, 64)).ToList();

        var batched = extractor.Extract(images);
        var single = images.Select(i => extractor.Extract([i])[0]).ToList();
        var resized = extractor.Extract([ImageCodec.CentreCropResize(images[0], 224)])[0];

        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(single[i], batched[i], (a, b) => Math.Abs(a - b) < 1e-4f);
        }

        Assert.Equal(resized, batched[0], (a, b) => Math.Abs(a - b) < 1e-4f);
        Assert.NotEqual(batched[0], batched[1], (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void A_manifest_that_does_not_match_its_graph_is_refused_with_the_reason()
    {
        File.Copy(Path.Combine(BuiltIn, "ResNet18.onnx"), _temp.Sub("net.onnx"));
        var wrongOutput = Write("wrong-output.json", """{"name":"r","model":"net.onnx","input":"Input247","output":"logits","size":224}""");
        var wrongInput = Write("wrong-input.json", """{"name":"r","model":"net.onnx","input":"x","output":"Pooling395_Output_0","size":224}""");
        var wrongSize = Write("wrong-size.json", """{"name":"r","model":"net.onnx","input":"Input247","output":"Pooling395_Output_0","size":299}""");
        var unknownField = Write("unknown.json", """{"name":"r","model":"net.onnx","input":"Input247","output":"Pooling395_Output_0","size":224,"colour":"rgb"}""");
        var notOnnx = Write("not-onnx.json", """{"name":"r","model":"unknown.json","input":"Input247","output":"Pooling395_Output_0","size":224}""");

        Assert.Contains("has no output 'logits'", Refusal(wrongOutput));
        Assert.Contains("has no input 'x'", Refusal(wrongInput));
        Assert.Contains("has shape", Refusal(wrongSize));
        Assert.Contains("not a valid extractor manifest", Refusal(unknownField));
        Assert.Contains("is not an ONNX model", Refusal(notOnnx));
        Assert.Contains("neither resnet18 nor a manifest", Refusal(_temp.Sub("missing.json")));
    }

    [Fact]
    public void A_manifest_extractor_without_preprocessing_scales_orders_and_normalises_as_declared()
    {
        File.Copy(Path.Combine(BuiltIn, "ResNet18.onnx"), _temp.Sub("net.onnx"));
        var manifest = Write("plain.json", """
            {"name":"plain","model":"net.onnx","input":"Input247","output":"Pooling395_Output_0","size":224,
             "scale":1,"channels":"bgr","mean":[0.5,0.25,0.125],"std":[2,2,2]}
            """);
        using var extractor = FeatureExtractor.Open(manifest, threads: 1);
        var image = new RgbImage(224, 224, Enumerable.Range(0, 224 * 224 * 3).Select(i => (byte)(i % 3 == 0 ? 255 : i % 3 == 1 ? 51 : 0)).ToArray());

        var planes = extractor.Planes(image);

        // Blue first (bgr): (0 - 0.5) / 2; then green (0.2 - 0.25) / 2; then red (1 - 0.125) / 2.
        Assert.Equal(-0.25f, planes[0], 1e-6f);
        Assert.Equal(-0.025f, planes[224 * 224], 1e-6f);
        Assert.Equal(0.4375f, planes[2 * 224 * 224], 1e-6f);
        Assert.Equal(512, extractor.Extract([image])[0].Length);
        Assert.StartsWith("plain-224-", extractor.Identity, StringComparison.Ordinal);
    }

    private string Write(string name, string json)
    {
        File.WriteAllText(_temp.Sub(name), json);
        return _temp.Sub(name);
    }

    private static string Refusal(string manifest) =>
        Assert.Throws<InvalidDataException>(() => FeatureExtractor.Open(manifest, threads: 1)).Message;
}
