using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The MRMC part of a study's report: the Obuchowski-Rockette analysis with each generator a test (random raters and
/// images, jackknife covariances), or null with the reason; <paramref name="Reasons"/> also names raters left out.
/// </summary>
public sealed record MrmcOutcome(MrmcReport? Report, IReadOnlyList<string> Reasons)
{
    /// <summary>The analysis of <paramref name="rows"/>; never throws: what cannot be analysed is a reason.</summary>
    public static MrmcOutcome Compute(IReadOnlyList<RatingRow> rows, IReadOnlyCollection<string> excluded)
    {
        var reasons = new List<string>();
        var table = MrmcStudyTable.From(rows, excluded, reasons);
        return new MrmcOutcome(table is null ? null : Analyse(table, reasons), reasons);
    }

    /// <summary>The analysis of <paramref name="table"/>, or null with the reason added to <paramref name="reasons"/>.</summary>
    internal static MrmcReport? Analyse(MrmcTable table, List<string> reasons)
    {
        try
        {
            return ObuchowskiRockette.Analyse(table, messages: reasons);
        }
        catch (MrmcInputException e)
        {
            reasons.Add(e.Message);
            return null;
        }
        catch (ArithmeticException)
        {
            // A degenerate table (no variation between raters or cases) leaves a standard error of zero.
            reasons.Add("The ratings vary too little between raters and images to estimate how far the result generalises.");
            return null;
        }
    }
}
