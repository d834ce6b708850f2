using Bunit;
using MelanoGans.Client.Components.Datasets;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Tests.Components.Datasets;

public sealed class HistogramChartTests : StudioComponentTest
{
    private static ColourCurves Curves(string name, int peak)
    {
        var bins = new double[256];
        bins[peak] = 1;
        return new ColourCurves(name, 10, bins, bins, bins);
    }

    [Fact]
    public void Draws_three_channels_per_set_with_the_second_set_dashed()
    {
        var cut = Render<HistogramChart>(p => p.Add(c => c.Sets, [Curves("real", 10), Curves("fake", 200)]));

        var lines = cut.FindAll("polyline");
        Assert.Equal(6, lines.Count);
        Assert.All(lines.Take(3), l => Assert.Equal("", l.GetAttribute("stroke-dasharray") ?? ""));
        Assert.All(lines.Skip(3), l => Assert.Equal("6 4", l.GetAttribute("stroke-dasharray")));
        Assert.Contains("real (10 images)", cut.Markup);
    }

    [Fact]
    public void The_peak_bin_reaches_the_top_of_the_chart_at_its_intensity()
    {
        var cut = Render<HistogramChart>(p => p.Add(c => c.Sets, [Curves("one", 255)]));

        var points = cut.Find("polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(256, points.Length);
        Assert.Equal("511,4", points[255]);   // x = last bin, y = top (4 px margin)
        Assert.Equal("0,200", points[0]);     // empty bin on the axis
    }
}
