using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// HYPE∞ (Zhou et al., "HYPE: A Benchmark for Human eYe Perceptual Evaluation of Generative Models", NeurIPS 2019):
/// the error rate of untimed answers on reals and fakes together.
/// </summary>
/// <remarks>
/// <para>Definition: over the untimed first answers (mode <c>untimed</c>, not practice, not catch, not repeats, raters
/// not excluded), an answer is an error when its call is wrong: 4-6 says real, 1-3 says fake. HYPE∞ = errors /
/// answers, on real and fake items together. Worked example: a rater calls 8 of 10 fakes fake and 9 of 10 reals real:
/// 2 + 1 errors in 20 answers, HYPE∞ = 0.15. 0.5 means the fakes cannot be told from the reals (the fakes fool as
/// often as the reals are doubted); above 0.5 the fakes look more real than the reals.</para>
/// <para>Per rater: that rater's answers; per source: answers on that source's items (for a real source it is the
/// share of reals called fake, for a model the share of its fakes called real); overall: all answers pooled.</para>
/// <para>The 95% interval is the <see cref="CrossedBootstrap"/> percentile interval over raters and items (per rater,
/// over items only). Seeds: overall <c>seed</c>, rater r <c>seed + 1 + r</c>, source s <c>seed + 1001 + s</c>
/// (ordinal order), so each score's interval does not depend on the others.</para>
/// </remarks>
public static class HypeInfinity
{
    /// <summary>
    /// The error rate of the first answers given under <paramref name="mode"/>: <see cref="RatingMode.Untimed"/> gives
    /// HYPE∞, <see cref="RatingMode.Fixed"/> the same rate at the study's fixed exposure (see <see cref="FixedExposure"/>).
    /// </summary>
    internal static HypeInfinityReport Compute(StudyData data, RatingMode mode, int resamples, int seed, double confidence)
    {
        var answers = new List<(int Rater, int Item, bool Error)>();
        for (var a = 0; a < data.FirstAnswers.Length; a++)
        {
            var row = data.FirstAnswers[a];
            if (row.Mode == mode)
            {
                answers.Add((data.FirstRater[a], data.FirstItem[a], !row.IsCorrect));
            }
        }

        var overall = Score("*", answers, resamples, seed, confidence);
        var byRater = answers.ToLookup(a => a.Rater);
        var raters = new List<HypeScore>();
        for (var r = 0; r < data.Raters.Length; r++)
        {
            var own = byRater[r].ToArray();
            if (own.Length > 0)
            {
                raters.Add(Score(data.Raters[r], own, resamples, seed + 1 + r, confidence));
            }
        }

        var bySource = answers.ToLookup(a => data.ItemSource[a.Item]);
        var sources = new List<HypeScore>();
        for (var s = 0; s < data.Sources.Length; s++)
        {
            var own = bySource[s].ToArray();
            if (own.Length > 0)
            {
                sources.Add(Score(data.Sources[s], own, resamples, seed + 1001 + s, confidence));
            }
        }

        return new HypeInfinityReport(overall, raters, sources);
    }

    private static HypeScore Score(string name, IReadOnlyList<(int Rater, int Item, bool Error)> answers, int resamples, int seed, double confidence)
    {
        var errors = answers.Count(a => a.Error);
        return new HypeScore(
            name,
            answers.Count,
            errors,
            answers.Count > 0 ? (double)errors / answers.Count : null,
            CrossedBootstrap.ErrorRate(answers, resamples, seed, confidence));
    }
}
