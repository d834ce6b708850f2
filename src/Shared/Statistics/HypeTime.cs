using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// HYPE-time (Zhou et al. 2019), as the exposure threshold of a per-rater adaptive staircase: the shortest exposure at
/// which the rater still tells real from fake about 71% of the time. Longer thresholds mean more convincing fakes.
/// </summary>
/// <remarks>
/// <para>Definition: a rater's staircase answers (mode <c>staircase</c>, not practice, not catch, rater not excluded,
/// repeats included since each is a trial) are replayed in the order they were shown (<c>started_at</c>, then table
/// order) through <see cref="ExposureStaircase"/>'s 2-down-1-up rule: an answer is correct when its call (4-6 real,
/// 1-3 fake) matches the truth. A reversal is a step opposite to the previous step; its exposure is the measured
/// <c>exposure_ms</c> of the answer that caused it. The rater's threshold = the mean exposure at the last
/// k = 6 reversals (all of them when fewer; undefined without a reversal). Worked example: reversals at
/// 400, 256, 320, 205, 256, 205, 256 ms give (256 + 320 + 205 + 256 + 205 + 256) / 6 = 249.7 ms.</para>
/// <para>Per model: HYPE, like this studio, runs one staircase per rater and model, so a model's score is the mean
/// threshold of the raters whose staircase showed only that model's fakes (with reals); a rater whose staircase mixed
/// models enters only the overall mean. Overall: the mean over every rater with a threshold. Both come with a
/// percentile bootstrap interval over raters (seed <c>seed + 2001</c> overall, <c>seed + 2002 + m</c> for model m).</para>
/// </remarks>
public static class HypeTime
{
    internal static HypeTimeReport Compute(IReadOnlyList<RatingRow> counted, int resamples, int seed, double confidence, List<string> messages)
    {
        var staircase = counted.Where(r => r.Mode == RatingMode.Staircase).ToArray();
        var missing = staircase.Count(r => r.ExposureMs is null);
        if (missing > 0)
        {
            messages.Add($"{missing} staircase answers have no measured exposure and were left out of HYPE-time.");
        }

        var raters = new List<HypeTimeRater>();
        foreach (var group in staircase.Where(r => r.ExposureMs is not null).GroupBy(r => r.Rater, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var trials = group.OrderBy(r => r.StartedAt).ToArray(); // OrderBy is stable: ties keep table order
            var rule = new ExposureStaircase(new StaircaseSettings());
            foreach (var trial in trials)
            {
                rule.Record(trial.IsCorrect, trial.ExposureMs);
            }

            var models = trials.Where(r => r.Truth == RatingTruth.Fake).Select(r => r.Source).Distinct(StringComparer.Ordinal).ToArray();
            if (models.Length > 1)
            {
                messages.Add($"Rater '{group.Key}''s staircase showed fakes of {models.Length} models: the threshold enters only the overall HYPE-time.");
            }

            if (rule.Reversals.Count == 0)
            {
                messages.Add($"Rater '{group.Key}''s staircase has no reversal yet: no HYPE-time threshold.");
            }

            raters.Add(new HypeTimeRater(group.Key, trials.Length, rule.Reversals.Count, rule.ThresholdMs, models.Length == 1 ? models[0] : null,
                trials.Select(t => new StaircaseStep(t.ExposureMs!.Value, t.IsCorrect)).ToArray()));
        }

        var withThreshold = raters.Where(r => r.ThresholdMs is not null).ToArray();
        var overall = Score("*", withThreshold, resamples, seed + 2001, confidence);
        var perModel = withThreshold.Where(r => r.Model is not null)
            .GroupBy(r => r.Model!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, m) => Score(g.Key, g.ToArray(), resamples, seed + 2002 + m, confidence))
            .ToArray();
        return new HypeTimeReport(raters, overall, perModel);
    }

    private static HypeTimeScore Score(string model, HypeTimeRater[] raters, int resamples, int seed, double confidence)
    {
        var thresholds = raters.Select(r => r.ThresholdMs!.Value).ToArray();
        return new HypeTimeScore(
            model,
            thresholds.Length,
            thresholds.Length > 0 ? thresholds.Average() : null,
            CrossedBootstrap.Mean(thresholds, resamples, seed, confidence));
    }
}
