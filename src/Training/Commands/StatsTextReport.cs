using System.Globalization;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>The human-readable form of a <see cref="StudyReport"/>: aligned tables for a terminal.</summary>
internal static class StatsTextReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, StudyReport report)
    {
        output.WriteLine($"{report.Answers} answers ({report.FirstAnswers} first, {report.RepeatAnswers} repeats), {report.RaterCount} raters, {report.ItemCount} items ({report.FakeItems} fake, {report.RealItems} real)");
        output.WriteLine($"Overall accuracy {Interval(report.Overall.Accuracy)}, p = {P(report.Overall.AccuracyVersusChance.PValue)} vs chance, AUC {F(report.OverallAuc)}");
        output.WriteLine($"Active time per item: median {F(report.Time.MedianMs, "0")} ms (quartiles {F(report.Time.LowerQuartileMs, "0")}-{F(report.Time.UpperQuartileMs, "0")})");

        output.WriteLine();
        output.WriteLine("Raters");
        Table(
            output,
            ["rater", "answers", "accuracy [95% CI]", "p vs 0.5", "sensitivity", "specificity", "deception", "AUC", "median ms"],
            report.Raters.Select(r => new[]
            {
                r.Rater, r.Classification.Answers.ToString(Invariant), Interval(r.Classification.Accuracy),
                P(r.Classification.AccuracyVersusChance.PValue), F(r.Classification.Sensitivity.Estimate),
                F(r.Classification.Specificity.Estimate), F(r.Classification.DeceptionRate.Estimate), F(r.Auc), F(r.Time.MedianMs, "0"),
            }));

        output.WriteLine();
        output.WriteLine("Sources");
        Table(
            output,
            ["source", "truth", "items", "answers", "accuracy [95% CI]", "deception [95% CI]", "top tags"],
            report.Sources.Select(s => new[]
            {
                s.Source, s.Truth?.ToString().ToLowerInvariant() ?? "mixed", s.Items.ToString(Invariant),
                s.Classification.Answers.ToString(Invariant), Interval(s.Classification.Accuracy),
                s.Classification.DeceptionRate.Trials > 0 ? Interval(s.Classification.DeceptionRate) : "n/a",
                string.Join(", ", s.Tags.Take(3).Select(t => $"{t.Tag} {F(t.Rate.Estimate, "0.00")}")),
            }));

        var agreement = report.Agreement;
        output.WriteLine();
        output.WriteLine($"Agreement (prevalence of fakes {F(agreement.PrevalenceOfFakes)}, called fake {F(agreement.ProportionCalledFake)})");
        var fleiss = agreement.Fleiss;
        output.WriteLine($"  Fleiss' kappa        {F(fleiss.Kappa)} (SE {F(fleiss.StandardError)}, p = {P(fleiss.PValue)}; {fleiss.Items} items rated by all {fleiss.RatersPerItem} raters, prevalence of fakes {F(agreement.FleissPrevalenceOfFakes)})");
        output.WriteLine($"  Krippendorff nominal {Alpha(agreement.AlphaNominal)}");
        output.WriteLine($"  Krippendorff ordinal {Alpha(agreement.AlphaOrdinal)}");
        var kappas = agreement.CohenPairs.Where(p => p.Kappa is not null).Select(p => p.Kappa!.Value).Order().ToArray();
        output.WriteLine(kappas.Length == 0
            ? $"  Cohen's kappa        n/a ({agreement.CohenPairs.Count} pairs)"
            : $"  Cohen's kappa        median {F(Quantiles.OfSorted(kappas, 0.5))}, range {F(kappas[0])} to {F(kappas[^1])} over {kappas.Length} of {agreement.CohenPairs.Count} pairs");
        var pooled = report.IntraRaterPooled;
        output.WriteLine($"  Intra-rater          {pooled.Pairs} repeats: agreement {F(pooled.PercentAgreement)}, kappa {F(pooled.Kappa)}, mean |difference| {F(pooled.MeanAbsoluteDifference, "0.00")} points");

        var deception = report.DeceptionByModel;
        output.WriteLine();
        output.WriteLine("Deception by model (fakes called real)");
        foreach (var model in deception.Models)
        {
            output.WriteLine($"  {model.Model,-16} {Interval(model.DeceptionRate)}");
        }

        output.WriteLine(deception.Test switch
        {
            "chi-square" => $"  chi-square {F(deception.Statistic, "0.00")} on {deception.DegreesOfFreedom} df, p = {P(deception.PValue)}",
            "fisher-exact" => $"  Fisher's exact test, p = {P(deception.PValue)}",
            _ => "  no test across models",
        });

        StatsProtocolText.Write(output, report.Protocol);

        if (report.Messages.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Notes");
            foreach (var message in report.Messages)
            {
                output.WriteLine($"  - {message}");
            }
        }
    }

    internal static string F(double? value, string format = "0.000") => value?.ToString(format, Invariant) ?? "n/a";

    internal static string P(double? p) => p switch
    {
        null => "n/a",
        < 0.001 => p.Value.ToString("0.0e0", Invariant),
        _ => p.Value.ToString("0.000", Invariant),
    };

    internal static string Interval(ProportionEstimate p) =>
        p.Estimate is null ? "n/a" : $"{F(p.Estimate)} [{F(p.Lower)}, {F(p.Upper)}]";

    private static string Alpha(KrippendorffAlphaResult alpha) =>
        $"{F(alpha.Alpha)}" + (alpha.Interval is { Lower: not null } i ? $" [{F(i.Lower)}, {F(i.Upper)}] (bootstrap, {i.Resamples} resamples)" : "")
        + $"; {alpha.PairableUnits} items with 2+ ratings";

    internal static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }
}
