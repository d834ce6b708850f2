using System.CommandLine;
using System.Globalization;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans power --pilot FILE --readers J (--cases K | --target-power P) [--effect D] [--analysis rrrc|frrc|rrfc]
/// [--method or|dbm] [--auc A] [--json]</c>: the power of a planned two-test reader study, or the cases it needs, from a
/// pilot; with <c>--auc</c>, of the single-test question (the first test's AUC above 0.5).
/// </summary>
internal static class PowerCommand
{
    public static Command Create()
    {
        var pilot = new Option<FileInfo>("--pilot") { Description = "A finished study as pilot: a ratings table or a long-format CSV (its first two tests).", Required = true };
        var readers = new Option<int>("--readers") { Description = "Readers of the planned study.", Required = true };
        var cases = new Option<int?>("--cases") { Description = "Cases of the planned study: print its power." };
        var target = new Option<double?>("--target-power") { Description = "Print the fewest cases (up to 2000) that reach this power." };
        var effect = new Option<double?>("--effect") { Description = "Difference of AUCs to detect (default: the pilot's observed difference)." };
        var auc = new Option<double?>("--auc") { Description = "The single-test question instead: power to show the first test's AUC above 0.5 when it is this (one-sided)." };
        var tests = new Option<string?>("--tests") { Description = "The pilot's two tests, comma-separated (default: its first two)." };
        var analysis = new Option<string>("--analysis") { Description = "rrrc (default), frrc or rrfc.", DefaultValueFactory = _ => "rrrc" };
        var method = new Option<string>("--method") { Description = "or (default): the OR components; dbm: Hillis-Berbaum 2004.", DefaultValueFactory = _ => "or" };
        var json = CommandOutput.JsonOption();
        var command = new Command("power", "Power and sample size of a reader study from a pilot (Hillis, Obuchowski and Berbaum 2011).")
        {
            pilot, readers, cases, target, effect, auc, tests, analysis, method, json,
        };
        command.SetAction(parse =>
        {
            var j = parse.GetValue(readers);
            if (j < 2) return CommandOutput.Fail(parse, $"--readers must be 2 or more, got {j}");
            var k = parse.GetValue(cases);
            var power = parse.GetValue(target);
            if ((k is null) == (power is null)) return CommandOutput.Fail(parse, "give either --cases K (for its power) or --target-power P (for the cases it needs)");
            if (k is < 2) return CommandOutput.Fail(parse, $"--cases must be 2 or more, got {k}");
            if (power is not (> 0 and < 1) && power is not null) return CommandOutput.Fail(parse, $"--target-power must lie between 0 and 1, got {power}");
            if (!Enum.TryParse<MrmcAnalysis>(parse.GetValue(analysis), ignoreCase: true, out var kind))
                return CommandOutput.Fail(parse, $"--analysis must be rrrc, frrc or rrfc, got '{parse.GetValue(analysis)}'");
            var variance = parse.GetValue(method)?.ToLowerInvariant() switch
            {
                "or" => MrmcPowerMethod.Or,
                "dbm" => MrmcPowerMethod.DbmHb2004,
                _ => (MrmcPowerMethod?)null,
            };
            if (variance is null) return CommandOutput.Fail(parse, $"--method must be or or dbm, got '{parse.GetValue(method)}'");

            MrmcPowerResult? result;
            try
            {
                var table = MrmcInput.Read(parse.GetRequiredValue(pilot), MrmcInput.Tests(parse.GetValue(tests)), [], []);
                var components = MrmcPilot.From(table);
                var single = parse.GetValue(auc);
                if (single is not null && single is not (> 0.5 and <= 1)) throw new MrmcInputException($"--auc must lie above 0.5 and at most 1, got {single}");
                result = (k, single) switch
                {
                    ({ } planned, { } a) => MrmcPower.SingleTestPower(components, j, planned, a),
                    (null, { } a) => MrmcPower.SingleTestSampleSize(components, j, power!.Value, a),
                    ({ } planned, null) => MrmcPower.Power(components, j, planned, parse.GetValue(effect), kind, variance.Value),
                    _ => MrmcPower.SampleSize(components, j, power!.Value, parse.GetValue(effect), kind, variance.Value),
                };
            }
            catch (MrmcInputException e)
            {
                return CommandOutput.Fail(parse, e.Message);
            }

            if (result is null) return CommandOutput.Fail(parse, $"even {MrmcPower.MaxCases} cases do not reach power {power} with {j} readers");
            if (parse.GetValue(json))
            {
                CommandOutput.Json(parse, result);
            }
            else
            {
                var invariant = CultureInfo.InvariantCulture;
                parse.InvocationConfiguration.Output.WriteLine(
                    $"{result.Readers} readers, {result.Cases} cases, effect {result.Effect.ToString("0.0000", invariant)} ({result.Analysis.ToUpperInvariant()}): " +
                    $"power {result.Power.ToString("0.000", invariant)} (ncp {result.Ncp.ToString("0.000", invariant)}, " +
                    $"{(result.Analysis == "single" ? $"t({result.Ddf!.Value.ToString("0.00", invariant)}), one-sided" : result.Ddf is { } ddf ? $"F(1, {ddf.ToString("0.00", invariant)})" : "chi-square(1)")} critical {result.Critical.ToString("0.000", invariant)})");
            }

            return 0;
        });
        return command;
    }
}
