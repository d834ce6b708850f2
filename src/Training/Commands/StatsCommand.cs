using System.CommandLine;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans stats --ratings FILE.csv [--json] [--bootstrap 1000] [--seed 1] [--exclude-rater NAME]...</c>: every
/// study statistic from an exported ratings table (protocol figures included), computed by the same code as the dashboard.
/// </summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var ratings = new Option<FileInfo>("--ratings")
        {
            Description = "The ratings table: CSV with the header " + RatingsCsv.Header + " (or, from before protocols, " + RatingsCsv.UntimedHeader + ").",
            Required = true,
        };
        var json = CommandOutput.JsonOption();
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Bootstrap resamples for the Krippendorff alpha, HYPE∞ and HYPE-time intervals (0 skips them).",
            DefaultValueFactory = _ => 1000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the bootstrap; the same file and seed always give the same intervals.",
            DefaultValueFactory = _ => 1,
        };

        var exclude = new Option<string[]>("--exclude-rater")
        {
            Description = "Leave this rater out of every statistic but catch accuracy (repeatable); the report lists the exclusion.",
            DefaultValueFactory = _ => [],
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("stats", "Rater statistics from an exported ratings table.") { ratings, json, bootstrap, seed, exclude };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var resamples = parseResult.GetValue(bootstrap);
            if (resamples < 0)
            {
                return CommandOutput.Fail(parseResult, $"--bootstrap must be 0 or more, got {resamples}");
            }

            var file = parseResult.GetRequiredValue(ratings);
            var read = RatingsCsv.Read(file.FullName);
            if (!read.IsValid)
            {
                // Content problems name the file; "cannot read '<path>'" already does.
                var where = read.Errors[0].StartsWith("line ", StringComparison.Ordinal) ? $"{file.Name}: " : "";
                var more = read.Errors.Count > 1 ? $" (and {read.Errors.Count - 1} more)" : "";
                return CommandOutput.Fail(parseResult, $"{where}{read.Errors[0]}{more}");
            }

            var excluded = parseResult.GetValue(exclude) ?? [];
            if (excluded.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
            {
                return CommandOutput.Fail(parseResult, "--exclude-rater needs a rater name");
            }

            var report = StudyStatistics.Compute(
                read.Rows,
                new StatisticsOptions { BootstrapResamples = resamples, Seed = parseResult.GetValue(seed), ExcludedRaters = excluded.Distinct(StringComparer.Ordinal).ToArray() });
            if (parseResult.GetValue(json))
            {
                output.WriteLine(StudyReportJson.Serialize(report));
            }
            else
            {
                StatsTextReport.Write(output, report);
            }

            return 0;
        });
        return command;
    }
}
