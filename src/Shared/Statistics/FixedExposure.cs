using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// The fixed-exposure protocol's score: HYPE at one exposure, the error rate of answers given after every image was
/// shown for the same planned time (Zhou et al. 2019 score HYPE∞ untimed; this is the same rate under a time limit).
/// </summary>
/// <remarks>
/// Definition: over the fixed-exposure first answers (mode <c>fixed</c>, not practice, not catch, not repeats, raters
/// not excluded) an answer is an error when its call is wrong (4-6 real, 1-3 fake); the rate is errors / answers with
/// the same crossed bootstrap and seeds as <see cref="HypeInfinity"/>, overall, per rater and per source. The measured
/// exposures of the same answers are summarised beside it (quartiles by <see cref="Quantiles"/>, and how many answers
/// measured each value), so a reader sees whether the screen showed what was planned.
/// </remarks>
public static class FixedExposure
{
    internal static FixedExposureReport Compute(StudyData data, int resamples, int seed, double confidence)
    {
        var scores = HypeInfinity.Compute(data, RatingMode.Fixed, resamples, seed, confidence);
        var measured = data.FirstAnswers.Where(r => r.Mode == RatingMode.Fixed && r.ExposureMs is not null)
            .Select(r => r.ExposureMs!.Value).Order().ToArray();
        var sorted = measured.Select(m => (double)m).ToArray();
        var counts = measured.GroupBy(m => m).Select(g => new ExposureCount(g.Key, g.Count())).ToArray();
        return new FixedExposureReport(
            scores,
            new ExposureSummary(
                measured.Length,
                measured.Length > 0 ? measured[0] : null,
                Quantiles.OfSorted(sorted, 0.25),
                Quantiles.OfSorted(sorted, 0.5),
                Quantiles.OfSorted(sorted, 0.75),
                measured.Length > 0 ? measured[^1] : null,
                counts));
    }
}

/// <summary>HYPE at a fixed exposure (see <see cref="FixedExposure"/>).</summary>
/// <param name="Scores">The error rate overall, per rater and per source.</param>
/// <param name="Exposure">The measured exposures of the scored answers.</param>
public sealed record FixedExposureReport(HypeInfinityReport Scores, ExposureSummary Exposure);

/// <summary>Measured exposures of a set of timed answers; nulls when there are none.</summary>
/// <param name="Answers">Answers with a measured exposure.</param>
/// <param name="MinMs">Shortest measured exposure.</param>
/// <param name="LowerQuartileMs">25th percentile.</param>
/// <param name="MedianMs">Median.</param>
/// <param name="UpperQuartileMs">75th percentile.</param>
/// <param name="MaxMs">Longest measured exposure.</param>
/// <param name="Counts">How many answers measured each value, shortest first.</param>
public sealed record ExposureSummary(int Answers, int? MinMs, double? LowerQuartileMs, double? MedianMs, double? UpperQuartileMs, int? MaxMs,
    IReadOnlyList<ExposureCount> Counts);

/// <summary>Answers whose measured exposure was <paramref name="ExposureMs"/>.</summary>
public sealed record ExposureCount(int ExposureMs, int Answers);
