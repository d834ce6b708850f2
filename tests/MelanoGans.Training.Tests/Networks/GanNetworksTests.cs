using MelanoGans.Training.Networks;
using MelanoGans.Training.Tests.TestSupport;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Networks;

public sealed class GanNetworksTests
{
    // Parameter counts written out from the layer tables of docs/training.md (width 64, latent 64), not from the code.
    private static long Conv(long input, long output, long kernel, bool bias = false) => (input * output * kernel * kernel) + (bias ? output : 0);

    private static long Norm(long channels) => 2 * channels;

    private static readonly long DcganG32 = Conv(64, 256, 4) + Norm(256) + Conv(256, 128, 4) + Norm(128) + Conv(128, 64, 4) + Norm(64) + Conv(64, 3, 4);
    private static readonly long DcganG64 = Conv(64, 512, 4) + Norm(512) + Conv(512, 256, 4) + Norm(256) + Conv(256, 128, 4) + Norm(128) + Conv(128, 64, 4) + Norm(64) + Conv(64, 3, 4);
    private static readonly long DcganD32 = Conv(3, 64, 4) + Conv(64, 128, 4) + Norm(128) + Conv(128, 256, 4) + Norm(256) + Conv(256, 1, 4);
    private static readonly long LapganLevel64 = Conv(4, 64, 3) + Norm(64) + Conv(64, 64, 3) + Norm(64) + Conv(64, 3, 3, bias: true);
    private static readonly long DdganTrunk = Conv(64, 256, 4) + Norm(256) + Conv(256, 128, 4) + Norm(128) + Conv(128, 64, 4) + Norm(64) + Conv(64, 64, 4) + Norm(64);
    private static readonly long ToRgb64Channels = Conv(64, 3, 1, bias: true);

    private static long DcganD64(long inputChannels) =>
        Conv(inputChannels, 64, 4) + Conv(64, 128, 4) + Norm(128) + Conv(128, 256, 4) + Norm(256) + Conv(256, 512, 4) + Norm(512) + Conv(512, 1, 4);

    public static TheoryData<GanArchitecture, int, long, long> ExpectedCounts() => new()
    {
        { GanArchitecture.Dcgan, 32, DcganG32, DcganD32 },
        { GanArchitecture.Dcgan, 64, DcganG64, DcganD64(3) },
        { GanArchitecture.Lapgan, 32, DcganG32, DcganD32 },
        { GanArchitecture.Lapgan, 64, DcganG32 + LapganLevel64, DcganD32 + DcganD64(6) },
        { GanArchitecture.DdganUpsample, 32, DdganTrunk + ToRgb64Channels, DcganD32 },
        {
            GanArchitecture.DdganUpsample, 64,
            DdganTrunk + ToRgb64Channels + Conv(64, 64, 3) + Norm(64) + Conv(64, 64, 3) + Norm(64) + ToRgb64Channels,
            DcganD32 + DcganD64(3)
        },
        {
            GanArchitecture.DdganDeconv, 64,
            DdganTrunk + ToRgb64Channels + Conv(64, 64, 4) + Norm(64) + Conv(64, 64, 3) + Norm(64) + ToRgb64Channels,
            DcganD32 + DcganD64(3)
        },
    };

    [Theory]
    [MemberData(nameof(ExpectedCounts))]
    public void Parameter_counts_follow_the_layer_tables(GanArchitecture architecture, int resolution, long generator, long discriminator)
    {
        var spec = new NetworkSpec(architecture, resolution);
        using var g = GanNetworks.CreateGenerator(spec);
        using var d = GanNetworks.CreateDiscriminator(spec);

        Assert.Equal(generator, GanNetworks.ParameterCount(g));
        Assert.Equal(discriminator, GanNetworks.ParameterCount(d));
    }

    [Theory]
    [MemberData(nameof(Runs.ArchitecturesAndResolutions), MemberType = typeof(Runs))]
    public void Generator_makes_a_pyramid_and_each_discriminator_one_logit_per_image(GanArchitecture architecture, int resolution)
    {
        var spec = new NetworkSpec(architecture, resolution);
        using var g = GanNetworks.CreateGenerator(spec);
        using var d = GanNetworks.CreateDiscriminator(spec);
        using var scope = NewDisposeScope();
        using var random = new Generator(3, CPU);

        var pyramid = g.call(g.SampleLatents(2, random));
        var logits = d.call(PyramidViews.ForDiscriminators(spec, pyramid));

        int[] sizes = architecture == GanArchitecture.Dcgan || resolution == 32 ? [resolution] : [32, 64];
        Assert.Equal(sizes, pyramid.Select(p => (int)p.shape[2]).ToArray());
        Assert.All(pyramid, p => Assert.Equal(new long[] { 2, 3, p.shape[2], p.shape[2] }, p.shape));
        Assert.All(logits, l => Assert.Equal(new long[] { 2 }, l.shape));
        Assert.Equal(new long[] { 2, 3, resolution, resolution }, g.Generate(g.SampleLatents(2, random)).shape);
    }

    [Fact]
    public void Lapgan_has_one_noise_plane_per_finer_level_and_ddgan_one_latent()
    {
        using var lapgan = GanNetworks.CreateGenerator(new NetworkSpec(GanArchitecture.Lapgan, 128));
        using var ddgan = GanNetworks.CreateGenerator(new NetworkSpec(GanArchitecture.DdganDeconv, 128));

        Assert.Equal(["z0", "z1", "z2"], lapgan.Latents.Select(l => l.Name));
        Assert.Equal([1, 128, 128], lapgan.Latents[2].Shape);
        Assert.Equal([new[] { 64 }], ddgan.Latents.Select(l => l.Shape.ToArray()));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(48)]
    [InlineData(512)]
    public void Resolutions_outside_32_to_256_or_not_powers_of_two_are_refused(int resolution)
    {
        var error = Assert.Throws<ArgumentException>(() => GanNetworks.CreateGenerator(new NetworkSpec(GanArchitecture.Dcgan, resolution)));
        Assert.Contains("power of two from 32 to 256", error.Message);
    }

    [Fact]
    public void Generator_at_256_ends_in_a_256_pixel_image()
    {
        using var g = GanNetworks.CreateGenerator(new NetworkSpec(GanArchitecture.Dcgan, 256, Width: 8));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var random = new Generator(3, CPU);

        Assert.Equal(new long[] { 1, 3, 256, 256 }, g.Generate(g.SampleLatents(1, random)).shape);
    }

    [Fact]
    public void Initial_weights_depend_on_the_seed_only()
    {
        var spec = new NetworkSpec(GanArchitecture.Dcgan, 32);
        using var a = GanNetworks.CreateGenerator(spec, seed: 4);
        manual_seed(99);
        using var b = GanNetworks.CreateGenerator(spec, seed: 4);
        using var c = GanNetworks.CreateGenerator(spec, seed: 5);

        var weights = (GanGenerator g) => g.parameters().First().detach().data<float>().ToArray();
        Assert.Equal(weights(a), weights(b));
        Assert.NotEqual(weights(a), weights(c));
    }
}
