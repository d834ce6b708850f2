using System.Text.Json;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>
/// The protocol statistics (catch accuracy, exclusions, HYPE∞, HYPE at a fixed exposure, HYPE-time, paired choice) against
/// reference/protocol_reference.py (statsmodels Wilson, scipy binomtest, numpy bootstraps, a staircase replay written
/// from the rule) on a generated table with every protocol in it.
/// </summary>
public sealed class ProtocolReferenceTests : IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly string _directory = Directory.CreateTempSubdirectory("melanogans-protocols-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void Near(JsonElement expected, double? actual, string what, double tolerance = Tolerance)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: reference is undefined, C# gave {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: C# is undefined, reference gave {expected.GetDouble()}");
        var scale = Math.Max(1, Math.Abs(expected.GetDouble()));
        Assert.True(Math.Abs(expected.GetDouble() - actual!.Value) <= tolerance * scale, $"{what}: reference {expected.GetDouble():R}, C# {actual:R}");
    }

    private static void NearProportion(JsonElement expected, ProportionEstimate actual, string what)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Trials);
        Assert.Equal(expected.GetProperty("k").GetInt32(), actual.Successes);
        Near(expected.GetProperty("p"), actual.Estimate, what + " estimate");
        Near(expected.GetProperty("lo"), actual.Lower, what + " Wilson lower");
        Near(expected.GetProperty("hi"), actual.Upper, what + " Wilson upper");
    }

    /// <summary>
    /// Two bootstraps with different generators agree only up to Monte Carlo error: the ends must lie within a fifth of
    /// the reference interval's width (and 0.02 absolute for very narrow intervals): the method, not the random stream.
    /// </summary>
    private static void NearInterval(JsonElement expected, BootstrapInterval? actual, string what)
    {
        Assert.True(actual is not null, what + ": no C# interval");
        double lo = expected.GetProperty("lo").GetDouble(), hi = expected.GetProperty("hi").GetDouble();
        var tolerance = Math.Max(0.2 * (hi - lo), 0.02);
        Near(expected.GetProperty("lo"), actual!.Lower, what + " bootstrap lower", tolerance / Math.Max(1, Math.Abs(lo)));
        Near(expected.GetProperty("hi"), actual.Upper, what + " bootstrap upper", tolerance / Math.Max(1, Math.Abs(hi)));
    }

    private static void NearHype(JsonElement expected, HypeScore actual)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Answers);
        Assert.Equal(expected.GetProperty("errors").GetInt32(), actual.Errors);
        Near(expected.GetProperty("rate"), actual.ErrorRate, "HYPE∞ " + actual.Name);
        NearInterval(expected.GetProperty("interval"), actual.Interval, "HYPE∞ " + actual.Name);
    }

    /// <summary>An error-rate report (HYPE∞ or HYPE at a fixed exposure) against the reference's overall, rater and source scores.</summary>
    private static void NearScores(JsonElement expected, HypeInfinityReport actual)
    {
        NearHype(expected.GetProperty("overall"), actual.Overall);
        Assert.Equal(expected.GetProperty("raters").EnumerateObject().Select(p => p.Name), actual.Raters.Select(r => r.Name));
        foreach (var score in actual.Raters)
        {
            NearHype(expected.GetProperty("raters").GetProperty(score.Name), score);
        }

        Assert.Equal(expected.GetProperty("sources").EnumerateObject().Select(p => p.Name), actual.Sources.Select(s => s.Name));
        foreach (var score in actual.Sources)
        {
            NearHype(expected.GetProperty("sources").GetProperty(score.Name), score);
        }
    }

    private static void NearPaired(JsonElement expected, PairedChoiceScore actual)
    {
        NearProportion(expected.GetProperty("deception"), actual.Deception, "2AFC " + actual.Name);
        Near(expected.GetProperty("binom_p"), actual.VersusChance.PValue, "2AFC binomial p " + actual.Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_protocol_study_matches_the_python_reference(bool excludeOne)
    {
        var rows = SyntheticProtocolRatings.Generate(raters: 9, items: 120, seed: 17);
        var path = Path.Combine(_directory, "ratings.csv");
        File.WriteAllText(path, RatingsCsv.ToCsv(rows));
        string[] excluded = excludeOne ? ["rater09"] : [];
        var report = StudyStatistics.Compute(RatingsCsv.Read(path).Rows, new StatisticsOptions { BootstrapResamples = 2000, Seed = 3, ExcludedRaters = excluded });

        var reference = PythonReference.Run(PythonReference.ProtocolScript, path, 2000, 3, excluded.SelectMany(r => new[] { "--exclude", r }).ToArray());

        var protocol = report.Protocol;
        Assert.Equal(reference.GetProperty("practice").GetInt32(), protocol.PracticeAnswers);
        Assert.Equal(reference.GetProperty("catch_answers").GetInt32(), protocol.CatchAnswers);
        Assert.Equal(
            reference.GetProperty("exclusions").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())),
            protocol.Exclusions.Select(e => (e.Rater, e.RowsLeftOut)));
        Assert.Equal(reference.GetProperty("catch").EnumerateObject().Select(p => p.Name), protocol.Catch.Select(c => c.Rater));
        foreach (var accuracy in protocol.Catch)
        {
            NearProportion(reference.GetProperty("catch").GetProperty(accuracy.Rater), accuracy.Accuracy, "catch " + accuracy.Rater);
            Assert.Equal(excluded.Contains(accuracy.Rater), accuracy.Excluded);
        }

        // The careless last rater is the one a lead would exclude.
        Assert.True(protocol.Catch[^1].Accuracy.Estimate < protocol.Catch.SkipLast(1).Min(c => c.Accuracy.Estimate));

        NearScores(reference.GetProperty("hype_infinity"), protocol.HypeInfinity);
        var fixedExposure = reference.GetProperty("fixed");
        NearScores(fixedExposure.GetProperty("scores"), protocol.FixedExposure.Scores);
        Assert.True(protocol.FixedExposure.Scores.Overall.Answers > 0);
        var exposure = fixedExposure.GetProperty("exposure");
        var summary = protocol.FixedExposure.Exposure;
        Assert.Equal(exposure.GetProperty("n").GetInt32(), summary.Answers);
        Assert.Equal((exposure.GetProperty("min").GetInt32(), exposure.GetProperty("max").GetInt32()), (summary.MinMs, summary.MaxMs));
        var quartiles = exposure.GetProperty("quartiles").EnumerateArray().ToArray();
        Near(quartiles[0], summary.LowerQuartileMs, "exposure lower quartile");
        Near(quartiles[1], summary.MedianMs, "exposure median");
        Near(quartiles[2], summary.UpperQuartileMs, "exposure upper quartile");
        Assert.Equal(
            exposure.GetProperty("counts").EnumerateObject().Select(p => (int.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p.Value.GetInt32())),
            summary.Counts.Select(c => (c.ExposureMs, c.Answers)));

        var time = reference.GetProperty("hype_time");
        Assert.Equal(time.GetProperty("raters").EnumerateObject().Select(p => p.Name), protocol.HypeTime.Raters.Select(r => r.Rater));
        foreach (var rater in protocol.HypeTime.Raters)
        {
            var expected = time.GetProperty("raters").GetProperty(rater.Rater);
            Assert.Equal(expected.GetProperty("trials").GetInt32(), rater.Trials);
            Assert.Equal(expected.GetProperty("reversals").GetInt32(), rater.Reversals);
            Assert.Equal(rater.Trials, rater.Steps.Count);
            Assert.True(rater.Reversals >= 6, $"{rater.Rater}: only {rater.Reversals} reversals");
            Near(expected.GetProperty("threshold"), rater.ThresholdMs, "HYPE-time " + rater.Rater);
            Assert.Equal(expected.GetProperty("model").GetString(), rater.Model);
        }

        Assert.Equal(time.GetProperty("overall").GetProperty("raters").GetInt32(), protocol.HypeTime.Overall.Raters);
        Near(time.GetProperty("overall").GetProperty("mean"), protocol.HypeTime.Overall.MeanThresholdMs, "HYPE-time overall");
        NearInterval(time.GetProperty("overall").GetProperty("interval"), protocol.HypeTime.Overall.Interval, "HYPE-time overall");
        Assert.Equal(time.GetProperty("models").EnumerateObject().Select(p => p.Name), protocol.HypeTime.Models.Select(m => m.Model));
        foreach (var model in protocol.HypeTime.Models)
        {
            var expected = time.GetProperty("models").GetProperty(model.Model);
            Assert.Equal(expected.GetProperty("raters").GetInt32(), model.Raters);
            Near(expected.GetProperty("mean"), model.MeanThresholdMs, "HYPE-time " + model.Model);
            NearInterval(expected.GetProperty("interval"), model.Interval, "HYPE-time " + model.Model);
        }

        var paired = reference.GetProperty("paired");
        NearPaired(paired.GetProperty("overall"), protocol.Paired.Overall);
        var pairedTime = paired.GetProperty("time").EnumerateArray().ToArray();
        Near(pairedTime[0], protocol.Paired.Time.LowerQuartileMs, "2AFC time lower quartile");
        Near(pairedTime[1], protocol.Paired.Time.MedianMs, "2AFC time median");
        Near(pairedTime[2], protocol.Paired.Time.UpperQuartileMs, "2AFC time upper quartile");
        Assert.Equal(paired.GetProperty("raters").EnumerateObject().Select(p => p.Name), protocol.Paired.Raters.Select(r => r.Name));
        foreach (var score in protocol.Paired.Raters)
        {
            NearPaired(paired.GetProperty("raters").GetProperty(score.Name), score);
        }

        Assert.Equal(paired.GetProperty("models").EnumerateObject().Select(p => p.Name), protocol.Paired.Models.Select(m => m.Name));
        foreach (var score in protocol.Paired.Models)
        {
            NearPaired(paired.GetProperty("models").GetProperty(score.Name), score);
        }
    }
}
