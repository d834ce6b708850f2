using System.Globalization;
using Bunit;
using MelanoGans.Client.Components.Training;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Components.Training;

/// <summary>The live loss chart: one point per tick on each curve, scaled into the SVG, and an empty state.</summary>
public sealed class LossChartTests : StudioComponentTest
{
    [Fact]
    public void Draws_one_point_per_tick_for_each_loss_with_the_highest_loss_at_the_top()
    {
        var ticks = new[] { Tick(10, 0.5, 2.0), Tick(20, 0.25, 1.0), Tick(30, 0.75, 3.0) };

        var chart = Render<LossChart>(p => p.Add(c => c.Ticks, ticks));

        Assert.Equal("3", chart.Find("[data-testid=loss-chart]").GetAttribute("data-points"));
        var d = Points(chart.Find("[data-testid=loss-d]").GetAttribute("points")!);
        var g = Points(chart.Find("[data-testid=loss-g]").GetAttribute("points")!);
        Assert.Equal(3, d.Count);
        Assert.Equal(3, g.Count);
        Assert.True(d[0].X < d[1].X && d[1].X < d[2].X);
        // SVG y grows downwards: the largest loss (G at step 30) is the highest point of the chart.
        Assert.Equal(g.Concat(d).Min(p => p.Y), g[2].Y);
        Assert.True(g[0].Y < d[0].Y);
    }

    [Fact]
    public void Huge_losses_of_a_diverging_run_are_written_with_an_exponent()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.Ticks, new[] { Tick(1, 1.415, 6.8933e33) }));

        Assert.Contains("G loss 6.893e+33", chart.Markup, StringComparison.Ordinal);
        Assert.Contains("D loss 1.415", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_when_there_is_nothing_to_draw_yet()
    {
        var chart = Render<LossChart>(p => p.Add(c => c.Ticks, Array.Empty<TrainingTick>()));

        Assert.Empty(chart.FindAll("polyline"));
        Assert.Contains("first progress tick", chart.Markup, StringComparison.Ordinal);
    }

    private static TrainingTick Tick(long step, double d, double g) => new()
    {
        Step = step,
        Epoch = 0,
        TotalSteps = 100,
        LossD = d,
        LossG = g,
        ImagesPerSecond = 10,
        ElapsedSeconds = step,
    };

    private static List<(double X, double Y)> Points(string points) => points.Split(' ')
        .Select(p => p.Split(','))
        .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
        .ToList();
}
