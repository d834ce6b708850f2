using System.CommandLine;
using System.Globalization;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans mrmc --ratings FILE [--tests A,B] [--covariance jackknife|delong|unbiased] [--analysis rrrc|frrc|rrfc]
/// [--exclude-rater NAME]... [--json]</c>: the multi-reader multi-case ROC analysis of a reader study (docs/statistics.md).
/// </summary>
internal static class MrmcCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var ratings = new Option<FileInfo>("--ratings")
        {
            Description = "The studio's ratings table (each generator a test) or a long-format CSV reader,test,case,truth,rating (modality accepted for test).",
            Required = true,
        };
        var tests = new Option<string?>("--tests") { Description = "Only these tests (generators), comma-separated, in this order." };
        var covariance = new Option<string>("--covariance") { Description = "jackknife (default), delong or unbiased.", DefaultValueFactory = _ => "jackknife" };
        var analysis = new Option<string>("--analysis") { Description = "rrrc: random readers and cases (default); frrc: fixed readers; rrfc: fixed cases.", DefaultValueFactory = _ => "rrrc" };
        var exclude = new Option<string[]>("--exclude-rater") { Description = "Leave this rater of a studio table out (repeatable).", DefaultValueFactory = _ => [] };
        var json = CommandOutput.JsonOption();
        var command = new Command("mrmc", "MRMC ROC analysis (Obuchowski-Rockette, Hillis ddf): do other readers, on other cases, tell the tests apart?")
        {
            ratings, tests, covariance, analysis, exclude, json,
        };
        command.SetAction(parse =>
        {
            if (!Enum.TryParse<MrmcCovarianceMethod>(parse.GetValue(covariance), ignoreCase: true, out var method))
                return CommandOutput.Fail(parse, $"--covariance must be jackknife, delong or unbiased, got '{parse.GetValue(covariance)}'");
            if (!Enum.TryParse<MrmcAnalysis>(parse.GetValue(analysis), ignoreCase: true, out var kind))
                return CommandOutput.Fail(parse, $"--analysis must be rrrc, frrc or rrfc, got '{parse.GetValue(analysis)}'");
            var messages = new List<string>();
            MrmcReport report;
            try
            {
                var table = MrmcInput.Read(parse.GetRequiredValue(ratings), MrmcInput.Tests(parse.GetValue(tests)), parse.GetValue(exclude) ?? [], messages);
                report = ObuchowskiRockette.Analyse(table, method, kind, messages);
            }
            catch (MrmcInputException e)
            {
                return CommandOutput.Fail(parse, e.Message);
            }

            if (parse.GetValue(json)) CommandOutput.Json(parse, report);
            else Write(parse.InvocationConfiguration.Output, report);
            return 0;
        });
        return command;
    }

    private static void Write(TextWriter output, MrmcReport report)
    {
        output.WriteLine($"MRMC analysis ({report.Analysis.ToUpperInvariant()}, {report.Covariance} covariances): {report.Readers} readers, {report.Cases} cases");
        StatsTextReport.Table(output, ["test", "AUC", "std err", "df", "95% CI", "p vs 0.5 (one-sided)"], report.Tests.Select(t => new[]
        {
            t.Name, F(t.Auc), F(t.Stderr), t.Df is { } df ? df.ToString("0.00", Invariant) : "normal", $"[{F(t.CiLower)}, {F(t.CiUpper)}]", StatsTextReport.P(t.PVsChance),
        }));
        if (report.F is { } f)
        {
            output.WriteLine();
            output.WriteLine(report.Analysis == "frrc"
                ? $"Equal AUCs: chi-square = {f.ToString("0.0000", Invariant)} on {report.Ndf} df, p = {StatsTextReport.P(report.P)}"
                : $"Equal AUCs: F = {f.ToString("0.0000", Invariant)} on {report.Ndf} and {report.Ddf?.ToString("0.00", Invariant) ?? "infinite"} df, p = {StatsTextReport.P(report.P)}");
            StatsTextReport.Table(output, ["difference", "estimate", "std err", "95% CI", "p"], report.Comparisons.Select(c => new[]
            {
                $"{c.Tests[0]} - {c.Tests[1]}", F(c.Difference), F(c.Stderr), $"[{F(c.CiLower)}, {F(c.CiUpper)}]", StatsTextReport.P(c.P),
            }));
        }

        output.WriteLine();
        output.WriteLine($"Var(error) {F(report.VarError, "0.00000000")}, Cov1 {F(report.Cov1, "0.00000000")}, Cov2 {F(report.Cov2, "0.00000000")}, Cov3 {F(report.Cov3, "0.00000000")}");
        foreach (var message in report.Messages) output.WriteLine(message);
    }

    private static string F(double value, string format = "0.0000") => double.IsNaN(value) ? "-" : value.ToString(format, Invariant);
}
