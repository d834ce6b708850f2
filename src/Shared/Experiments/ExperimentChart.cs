using System.Globalization;
using System.Net;
using System.Text;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Experiments;

/// <summary>
/// results.svg: one group of bars per arm (one bar per metric, mean over seeds) with error bars from the smallest
/// to the largest seed. SVG because it needs no image library, scales in docs and diffs as text.
/// </summary>
public static class ExperimentChart
{
    /// <summary>Its file name in a run directory.</summary>
    public const string FileName = "results.svg";

    private static readonly string[] Colours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"];

    public static string Svg(ImbalanceExperimentResult result)
    {
        const double left = 50, top = 40, plotHeight = 260, bar = 14, gap = 26;
        var metrics = result.MetricNames;
        var groupWidth = (metrics.Count * bar) + gap;
        var plotWidth = result.Arms.Count * groupWidth;
        const double legendStep = 120;
        var width = Math.Max(left + plotWidth + 20, left + (metrics.Count * legendStep));
        var height = top + plotHeight + 90;
        double Y(double v) => top + (plotHeight * (1 - Math.Clamp(v, 0, 1)));

        var svg = new StringBuilder();
        void Add(FormattableString element) => svg.Append(element.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Add($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height:0}\" font-family=\"sans-serif\" font-size=\"11\">");
        Add($"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Add($"<text x=\"{left}\" y=\"16\" font-size=\"13\">Class imbalance: test metrics, mean over {result.Seeds.Count} seeds (bars: min-max)</text>");
        for (var g = 0; g <= 5; g++)
        {
            var v = g / 5.0;
            Add($"<line x1=\"{left}\" y1=\"{Y(v):0.0}\" x2=\"{left + plotWidth:0.0}\" y2=\"{Y(v):0.0}\" stroke=\"#ddd\"/>");
            Add($"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.0}\" text-anchor=\"end\">{v:0.0}</text>");
        }

        for (var a = 0; a < result.Arms.Count; a++)
        {
            var arm = result.Arms[a];
            var x0 = left + (gap / 2) + (a * groupWidth);
            for (var m = 0; m < metrics.Count; m++)
            {
                var summary = arm.Metrics[metrics[m]];
                var x = x0 + (m * bar);
                Add($"<rect x=\"{x:0.0}\" y=\"{Y(summary.Mean):0.0}\" width=\"{bar - 2}\" height=\"{Y(0) - Y(summary.Mean):0.0}\" fill=\"{Colours[m % Colours.Length]}\"/>");
                var centre = x + ((bar - 2) / 2);
                Add($"<line x1=\"{centre:0.0}\" y1=\"{Y(summary.Min):0.0}\" x2=\"{centre:0.0}\" y2=\"{Y(summary.Max):0.0}\" stroke=\"black\"/>");
                Add($"<line x1=\"{centre - 3:0.0}\" y1=\"{Y(summary.Min):0.0}\" x2=\"{centre + 3:0.0}\" y2=\"{Y(summary.Min):0.0}\" stroke=\"black\"/>");
                Add($"<line x1=\"{centre - 3:0.0}\" y1=\"{Y(summary.Max):0.0}\" x2=\"{centre + 3:0.0}\" y2=\"{Y(summary.Max):0.0}\" stroke=\"black\"/>");
            }

            var labelX = x0 + (metrics.Count * bar / 2.0);
            Add($"<text x=\"{labelX:0.0}\" y=\"{Y(0) + 14:0.0}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(Short(arm.Name))}</text>");
        }

        for (var m = 0; m < metrics.Count; m++)
        {
            var x = left + (m * legendStep);
            Add($"<rect x=\"{x:0.0}\" y=\"{height - 30:0.0}\" width=\"10\" height=\"10\" fill=\"{Colours[m % Colours.Length]}\"/>");
            Add($"<text x=\"{x + 14:0.0}\" y=\"{height - 21:0.0}\">{ClassifierMetrics.Display(metrics[m])}</text>");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Arm keys are short enough for an axis label except synthetic ones, which keep the model name.</summary>
    private static string Short(string name) => name.Length <= 18 ? name : name[..17] + "…";
}
