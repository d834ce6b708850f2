using System.Globalization;
using System.Text.Json;
using MelanoGans.Shared.Statistics.Mrmc;

namespace MelanoGans.Shared.Tests.Statistics.Mrmc;

/// <summary>
/// Issue 23: power and sample size from a pilot reproduce every published RJafroc figure on Van Dyke and Franken
/// (power, noncentrality, degrees of freedom, critical values, the smallest number of cases, the power table), OR and
/// DBM (Hillis-Berbaum 2004), random or fixed readers and cases.
/// </summary>
public sealed class PowerTests
{
    [Fact]
    public void Every_published_power_and_sample_size_is_reproduced()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Require("mrmc/vandyke_power_expected.json"))).RootElement.GetProperty("expected");
        var pilots = new Dictionary<string, MrmcPilot> { ["vandyke"] = Pilot("mrmc/vandyke.csv"), ["franken"] = Pilot("mrmc/franken.csv") };
        var checkedCount = 0;
        foreach (var entry in expected.EnumerateObject())
        {
            var e = entry.Value;
            var args = e.GetProperty("args");
            var data = args.TryGetProperty("data", out var name) ? name.GetString()! : "vandyke";
            var pilot = pilots[data];
            var mode = args.GetProperty("mode").GetString();
            if (mode == "table")
            {
                CheckTable(entry.Name, pilot, e.GetProperty("printed_rows"));
                checkedCount++;
                continue;
            }

            var field = e.GetProperty("field").GetString()!;
            double actual;
            if (mode == "pilot")
            {
                var components = OrComponents.Compute(Table(data == "franken" ? "mrmc/franken.csv" : "mrmc/vandyke.csv"), MrmcCovarianceMethod.Jackknife);
                actual = field == "or.var_tr_rjafroc" ? pilot.VarTrRjafroc : components.VarTr;
            }
            else
            {
                var readers = args.GetProperty("readers").GetInt32();
                double? effect = args.TryGetProperty("effect", out var d) ? d.GetDouble() : null;
                var analysis = args.TryGetProperty("analysis", out var a) ? Enum.Parse<MrmcAnalysis>(a.GetString()!, ignoreCase: true) : MrmcAnalysis.Rrrc;
                var method = args.TryGetProperty("method", out var m) && m.GetString() == "DBM-HB2004" ? MrmcPowerMethod.DbmHb2004 : MrmcPowerMethod.Or;
                var result = mode == "power"
                    ? MrmcPower.Power(pilot, readers, args.GetProperty("cases").GetInt32(), effect, analysis, method)
                    : MrmcPower.SampleSize(pilot, readers, args.TryGetProperty("power", out var target) ? target.GetDouble() : 0.8, effect, analysis, method)!;
                actual = field switch
                {
                    "power" => result.Power,
                    "ncp" => result.Ncp,
                    "ddf" => result.Ddf!.Value,
                    "crit" => result.Critical,
                    "cases" => result.Cases,
                    _ => throw new InvalidOperationException($"{entry.Name}: unknown field {field}"),
                };
            }

            var printed = e.GetProperty("printed").GetString()!;
            var want = double.Parse(printed, CultureInfo.InvariantCulture);
            var tolerance = e.TryGetProperty("abs_tol", out var tol) ? tol.GetDouble() : HalfUnit(printed);
            Assert.True(Math.Abs(actual - want) <= tolerance * 1.0000001 + 1e-12, $"{entry.Name}: published {printed}, computed {actual:R}");
            checkedCount++;
        }

        Assert.True(checkedCount >= 45, $"only {checkedCount} figures checked");
    }

    // RJafroc's power table: per reader count the smallest K (or '>2000') and its power printed to 3 significant digits.
    private static void CheckTable(string name, MrmcPilot pilot, JsonElement rows)
    {
        foreach (var row in rows.EnumerateArray())
        {
            var readers = row[0].GetInt32();
            var result = MrmcPower.SampleSize(pilot, readers);
            if (row[1].ValueKind == JsonValueKind.String)
            {
                Assert.True(result is null, $"{name} J {readers}: published >2000, computed {result?.Cases}");
                continue;
            }

            Assert.True(result is not null, $"{name} J {readers}: no K up to {MrmcPower.MaxCases}");
            Assert.Equal(row[1].GetInt32(), result.Cases);
            var printed = row[2].GetString()!;
            Assert.Equal(printed, result.Power.ToString("G3", CultureInfo.InvariantCulture));
        }
    }

    private static double HalfUnit(string printed)
    {
        var dot = printed.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0.5 : 0.5 * Math.Pow(10, -(printed.Length - dot - 1));
    }

    private static MrmcTable Table(string relative) => MrmcLongCsv.Parse(File.ReadAllText(SharedData.Require(relative)));

    private static MrmcPilot Pilot(string relative) => MrmcPilot.From(Table(relative));
}
