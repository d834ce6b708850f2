using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Contracts;

/// <summary>The browser's training options: the study's defaults and the reasons a run is refused.</summary>
public sealed class TrainingJobOptionsTests
{
    [Fact]
    public void The_defaults_are_the_study_settings_and_valid()
    {
        var options = new TrainingJobOptions();

        Assert.Equal(("dcgan", 256, "lsgan", 8, 2e-4, 200, 64), (options.Architecture, options.Resolution, options.Loss, options.Batch, options.Lr, options.Epochs, options.Latent));
        Assert.Empty(options.Problems());
    }

    [Theory]
    [InlineData("stylegan", 64, "lsgan", 8, "architecture")]
    [InlineData("dcgan", 48, "lsgan", 8, "power of two")]
    [InlineData("dcgan", 512, "lsgan", 8, "power of two")]
    [InlineData("lapgan", 64, "wgan", 8, "loss")]
    [InlineData("ddgan-deconv", 32, "lsgan", 0, "batch")]
    public void Invalid_options_are_refused_with_a_reason(string arch, int resolution, string loss, int batch, string reason)
    {
        var options = new TrainingJobOptions { Architecture = arch, Resolution = resolution, Loss = loss, Batch = batch };

        Assert.Contains(options.Problems(), p => p.Contains(reason, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_architecture_works_at_every_resolution()
    {
        foreach (var arch in TrainingJobOptions.Architectures)
            foreach (var resolution in new[] { 32, 64, 128, 256 })
                Assert.Empty(new TrainingJobOptions { Architecture = arch, Resolution = resolution }.Problems());
    }
}
