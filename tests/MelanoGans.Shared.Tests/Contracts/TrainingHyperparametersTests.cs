using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Contracts;

/// <summary>The one record of training hyperparameters: the study's defaults and the reasons a run is refused.</summary>
public sealed class TrainingHyperparametersTests
{
    [Fact]
    public void The_defaults_are_the_study_settings_and_valid()
    {
        var options = new TrainingHyperparameters();

        Assert.Equal(("dcgan", 256, "lsgan", 8, 2e-4, 200, 64), (options.Architecture, options.Resolution, options.Loss, options.Batch, options.Lr, options.Epochs, options.Latent));
        Assert.Equal((64, 0L, 1000L, 10L, false, 0.0, 0.0), (options.Width, options.Seed, options.SnapshotEvery, options.TickEvery, options.DiffAug, options.R1, options.Ema));
        Assert.Null(options.Class);
        Assert.Null(options.MaxSteps);
        Assert.Null(options.HeldOut);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void A_training_job_starts_from_the_same_defaults()
    {
        var job = new TrainingJobOptions();

        Assert.Empty(job.Problems());
        Assert.Equal(new TrainingJobOptions(), new TrainingJobOptions() with { });
        Assert.Equal(Values(new TrainingHyperparameters()), Values(job));
    }

    [Theory]
    [InlineData("stylegan", 64, "lsgan", 8, "unknown architecture 'stylegan'")]
    [InlineData("dcgan", 48, "lsgan", 8, "resolution must be a power of two from 32 to 256, got 48")]
    [InlineData("dcgan", 512, "lsgan", 8, "resolution must be a power of two from 32 to 256, got 512")]
    [InlineData("lapgan", 64, "wgan", 8, "unknown loss 'wgan' (expected lsgan or nonsaturating)")]
    [InlineData("ddgan-deconv", 32, "lsgan", 0, "batch must be at least 1")]
    public void Invalid_options_are_refused_with_a_reason(string arch, int resolution, string loss, int batch, string reason)
    {
        var options = new TrainingHyperparameters { Architecture = arch, Resolution = resolution, Loss = loss, Batch = batch };

        Assert.Contains(options.Problems(), p => p.StartsWith(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_has_its_own_reason()
    {
        var options = new TrainingHyperparameters
        {
            Latent = 0,
            Epochs = 0,
            MaxSteps = 0,
            Lr = double.NaN,
            TickEvery = 0,
            R1 = -1,
            Ema = 1,
            HeldOut = new HeldOutSplit(1, 0),
        };

        Assert.Equal(
            [
                "latent must be positive and width at least 4 (got latent 0, width 64)",
                "epochs must be at least 1",
                "max-steps must be at least 1 (or none)",
                "lr must be a positive finite number",
                "snapshot-every and tick-every must be at least 1",
                "r1 must be 0 (off) or a positive finite number",
                "ema must be 0 (off) or a decay in (0, 1), got 1",
                "the held-out test fraction must be in (0, 1)",
            ],
            options.Problems());
    }

    [Fact]
    public void Every_architecture_works_at_every_resolution()
    {
        foreach (var arch in TrainingHyperparameters.Architectures)
            foreach (var resolution in new[] { 32, 64, 128, 256 })
                Assert.Empty(new TrainingJobOptions { Architecture = arch, Resolution = resolution }.Problems());
    }

    private static object?[] Values(TrainingHyperparameters options) =>
        typeof(TrainingHyperparameters).GetProperties().Select(p => p.GetValue(options)).ToArray();

    [Fact]
    public void Infinite_numbers_are_refused()
    {
        // JSON reads 1e309 as infinity; a job with it could not be written back as JSON.
        var options = new TrainingHyperparameters { Lr = double.PositiveInfinity, R1 = double.PositiveInfinity, Ema = double.NaN };

        Assert.Contains("lr must be a positive finite number", options.Problems());
        Assert.Contains("r1 must be 0 (off) or a positive finite number", options.Problems());
        Assert.Contains(options.Problems(), p => p.StartsWith("ema must be", StringComparison.Ordinal));
    }
}
