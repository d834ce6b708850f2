using System.Globalization;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>The protocol part of <see cref="StatsTextReport"/>: exclusions, catch accuracy, HYPE∞, HYPE at a fixed exposure, HYPE-time and paired choice, each only when the table has it.</summary>
internal static class StatsProtocolText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, ProtocolReport protocol)
    {
        if (protocol.Exclusions.Count > 0 || protocol.PracticeAnswers > 0 || protocol.CatchAnswers > 0)
        {
            output.WriteLine();
            output.WriteLine($"Left out: {protocol.PracticeAnswers} practice answers; {protocol.CatchAnswers} catch answers (catch accuracy only)");
            foreach (var exclusion in protocol.Exclusions)
            {
                output.WriteLine($"  excluded rater {exclusion.Rater}: {exclusion.RowsLeftOut} rows");
            }
        }

        if (protocol.Catch.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Catch accuracy (obvious reals and fakes)");
            StatsTextReport.Table(
                output,
                ["rater", "catch answers", "accuracy [95% CI]", "excluded"],
                protocol.Catch.Select(c => new[] { c.Rater, c.Accuracy.Trials.ToString(Invariant), StatsTextReport.Interval(c.Accuracy), c.Excluded ? "yes" : "" }));
        }

        if (protocol.HypeInfinity.Overall.Answers > 0)
        {
            Scores(output, "HYPE∞ (error rate of untimed answers; 0.5 = indistinguishable)", "HYPE∞", protocol.HypeInfinity);
        }

        if (protocol.FixedExposure is { Scores.Overall.Answers: > 0 } fixedExposure)
        {
            var exposure = fixedExposure.Exposure;
            Scores(output, $"HYPE at a fixed exposure (error rate of fixed-exposure answers; measured exposure median {StatsTextReport.F(exposure.MedianMs, "0")} ms, {exposure.MinMs}-{exposure.MaxMs} ms)",
                "HYPE", fixedExposure.Scores);
        }

        var time = protocol.HypeTime;
        if (time.Raters.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"HYPE-time (staircase threshold, mean exposure at the last 6 reversals): {Threshold(time.Overall)} over {time.Overall.Raters} raters");
            StatsTextReport.Table(
                output,
                ["rater", "trials", "reversals", "threshold ms", "model"],
                time.Raters.Select(r => new[] { r.Rater, r.Trials.ToString(Invariant), r.Reversals.ToString(Invariant), StatsTextReport.F(r.ThresholdMs, "0"), r.Model ?? "mixed" }));
            foreach (var model in time.Models)
            {
                output.WriteLine($"  {model.Model,-16} {Threshold(model)} over {model.Raters} raters");
            }
        }

        var paired = protocol.Paired;
        if (paired.Overall.Deception.Trials > 0)
        {
            output.WriteLine();
            output.WriteLine($"Paired choice (fake chosen as real; 0.5 = indistinguishable): {Paired(paired.Overall)}");
            StatsTextReport.Table(
                output,
                ["rater or model", "trials", "deception [95% CI]", "p vs 0.5"],
                paired.Raters.Concat(paired.Models).Select(s => new[]
                {
                    s.Name, s.Deception.Trials.ToString(Invariant), StatsTextReport.Interval(s.Deception), StatsTextReport.P(s.VersusChance.PValue),
                }));
        }
    }

    // An error-rate score (HYPE∞, or HYPE at a fixed exposure): the overall rate, then a row per rater and per source.
    private static void Scores(TextWriter output, string heading, string label, HypeInfinityReport scores)
    {
        output.WriteLine();
        output.WriteLine($"{heading}: {Hype(scores.Overall)}");
        StatsTextReport.Table(
            output,
            ["rater or source", "answers", $"{label} [95% bootstrap]"],
            scores.Raters.Concat(scores.Sources).Select(s => new[] { s.Name, s.Answers.ToString(Invariant), Hype(s) }));
    }

    private static string Hype(HypeScore s) =>
        StatsTextReport.F(s.ErrorRate) + (s.Interval is { Lower: not null } i ? $" [{StatsTextReport.F(i.Lower)}, {StatsTextReport.F(i.Upper)}]" : "");

    private static string Threshold(HypeTimeScore s) =>
        StatsTextReport.F(s.MeanThresholdMs, "0") + " ms" + (s.Interval is { Lower: not null } i ? $" [{StatsTextReport.F(i.Lower, "0")}, {StatsTextReport.F(i.Upper, "0")}]" : "");

    private static string Paired(PairedChoiceScore s) =>
        $"{StatsTextReport.Interval(s.Deception)}, p = {StatsTextReport.P(s.VersusChance.PValue)} over {s.Deception.Trials} trials";
}
