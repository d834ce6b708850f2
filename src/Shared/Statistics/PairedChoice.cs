using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Paired choice (two-alternative forced choice, 2AFC): a real and a fake side by side, "which one is real?".
/// </summary>
/// <remarks>
/// Definition: over the paired trials (mode <c>paired</c>, not practice, not catch, rater not excluded, repeats
/// included), a trial deceives when <c>chosen</c> is <c>fake</c> (the rater picked the fake as the real one).
/// Deception = deceiving trials / trials, with the Wilson interval, and the two-sided exact binomial test of the
/// deceiving trials against 0.5 (<see cref="ExactBinomialTest"/>), per rater, per model (the trial's source, the
/// fake's) and over all trials; the active time per trial is summarised like the 6-point answers' time. Worked example: 14 of 40 trials deceive: deception 0.35, p = 0.081 against chance.
/// 0.5 means the rater cannot tell which of the two is real; a paired score is not a rate of a single image's
/// realism, so it is not comparable with HYPE∞ or the 6-point deception rate.
/// </remarks>
public static class PairedChoice
{
    internal static PairedChoiceReport Compute(IReadOnlyList<RatingRow> paired, double confidence)
    {
        var overall = Score("*", paired, confidence);
        var raters = paired.GroupBy(r => r.Rater, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToArray(), confidence)).ToArray();
        var models = paired.GroupBy(r => r.Source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Score(g.Key, g.ToArray(), confidence)).ToArray();
        return new PairedChoiceReport(overall, raters, models, TimeSummary.Of(paired.Select(t => (double)t.ActiveMs).ToList()));
    }

    private static PairedChoiceScore Score(string name, IReadOnlyList<RatingRow> trials, double confidence)
    {
        var deceived = trials.Count(t => t.Chosen == RatingTruth.Fake);
        return new PairedChoiceScore(
            name,
            WilsonInterval.Compute(deceived, trials.Count, confidence),
            new BinomialTestResult(deceived, trials.Count, ExactBinomialTest.TwoSidedAgainstHalf(deceived, trials.Count)));
    }
}
