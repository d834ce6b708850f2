namespace MelanoGans.Client.Components.Statistics;

/// <summary>Colours for series in the dashboard charts (distinguishable, colour-blind friendly first).</summary>
public static class ChartPalette
{
    // Okabe-Ito first, then Tableau: more raters than colours repeat, and the legend names each line.
    private static readonly string[] Colours =
    [
        "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
        "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#B07AA1", "#76B7B2",
    ];

    public static string Of(int index) => Colours[index % Colours.Length];
}
