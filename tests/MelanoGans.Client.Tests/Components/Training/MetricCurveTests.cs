using Bunit;
using MelanoGans.Client.Components.Training;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Components.Training;

public sealed class MetricCurveTests : StudioComponentTest
{
    private static TrainingTick Tick(long step, double? fd = null, double? kid = null) => new()
    {
        Step = step, Epoch = 0, TotalSteps = 100, LossD = 0.5, LossG = 0.4, ImagesPerSecond = 10, ElapsedSeconds = step, Fd = fd, Kid = kid,
    };

    [Fact]
    public void Only_measured_ticks_are_drawn_and_the_latest_is_named_with_its_extractor()
    {
        var cut = Render<MetricCurve>(p => p.Add(c => c.Ticks, [Tick(10), Tick(20, 120.5, 0.08), Tick(30), Tick(40, 60.25, 0.031)]));

        Assert.Equal("2", cut.Find("[data-testid=metric-curve]").GetAttribute("data-points"));
        Assert.Equal(2, cut.Find("[data-testid=metric-fd]").GetAttribute("points")!.Split(' ').Length);
        var latest = cut.Find("[data-testid=metric-latest]").TextContent;
        Assert.Contains("FD 60.25", latest);
        Assert.Contains("KID 0.031", latest);
        Assert.Contains("step 40", latest);
        Assert.Contains("resnet18", latest);
    }
}
