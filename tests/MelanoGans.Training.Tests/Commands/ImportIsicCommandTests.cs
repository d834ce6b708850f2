using System.CommandLine;
using System.Text.Json;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using MelanoGans.Training.Commands;

namespace MelanoGans.Training.Tests.Commands;

public sealed class ImportIsicCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-import-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { ImportIsicCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private (string Images, string Csv) Archive(string csvText)
    {
        var images = Path.Combine(_directory, "images");
        Directory.CreateDirectory(images);
        File.WriteAllBytes(Path.Combine(images, "ISIC_0000000.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Melanoma, 1, 64)));
        File.WriteAllBytes(Path.Combine(images, "ISIC_0000001.png"), ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 2, 48)));
        File.WriteAllBytes(Path.Combine(images, "ISIC_0000002.jpg"), "not a jpeg"u8.ToArray());
        var csv = Path.Combine(_directory, "truth.csv");
        File.WriteAllText(csv, csvText);
        return (images, csv);
    }

    [Fact]
    public void Writes_resized_pngs_and_a_manifest_and_lists_unreadable_images()
    {
        var (images, csv) = Archive("image_id,melanoma,seborrheic_keratosis\nISIC_0000000,1,0\nISIC_0000001,0,0\nISIC_0000002,0,1\n");
        var output = Path.Combine(_directory, "out");

        var (exitCode, stdout, _) = Run("import-isic", "--images", images, "--csv", csv, "--out", output, "--resolution", "32", "--json");

        Assert.Equal(0, exitCode);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(2, summary.RootElement.GetProperty("images").GetInt32());
        Assert.Contains("ISIC_0000002", Assert.Single(summary.RootElement.GetProperty("skipped").EnumerateArray()).GetString());
        Assert.Equal("file,label\nISIC_0000000.png,melanoma\nISIC_0000001.png,nevus\n", File.ReadAllText(Path.Combine(output, "manifest.csv")));
        var image = ImageCodec.DecodeFile(Path.Combine(output, "ISIC_0000001.png"));
        Assert.Equal((32, 32), (image.Width, image.Height));
    }

    [Fact]
    public void A_malformed_ground_truth_is_refused_with_its_line_and_writes_nothing()
    {
        var (images, csv) = Archive("image_id,melanoma,seborrheic_keratosis\nISIC_0000000,1,1\n");
        var output = Path.Combine(_directory, "out");

        var (exitCode, _, error) = Run("import-isic", "--images", images, "--csv", csv, "--out", output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("melanogans import-isic: truth.csv line 2:", error);
        Assert.False(Directory.Exists(output));
    }
}
