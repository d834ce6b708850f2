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
        if (table is null) return new MrmcOutcome(null, reasons);
        try
        {
            return new MrmcOutcome(ObuchowskiRockette.Analyse(table, messages: reasons), reasons);
        }
        catch (MrmcInputException e)
        {
            reasons.Add(e.Message);
            return new MrmcOutcome(null, reasons);
        }
        catch (ArithmeticException)
        {
            // A degenerate table (no variation between raters or cases) leaves a standard error of zero.
            reasons.Add("The ratings vary too little between raters and images to estimate how far the result generalises.");
            return new MrmcOutcome(null, reasons);
        }
    }
}
