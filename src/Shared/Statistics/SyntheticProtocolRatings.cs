using MathNet.Numerics.Distributions;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// A seeded ratings table with every protocol in it, for reference tests and demos: per rater a practice round, untimed
/// 6-point answers with catch items mixed in, a staircase run on one model's fakes and reals (driven by
/// <see cref="ExposureStaircase"/> and a simulated psychometric function), paired trials, and 6-point answers at a fixed exposure. The last rater ignores
/// the images on catch items (answers at random), as a rater who should be excluded would.
/// </summary>
public static class SyntheticProtocolRatings
{
    /// <summary>The source of the catch fakes (noise images).</summary>
    public const string NoiseSource = "noise";

    /// <summary>One 60 Hz frame, the grain of a measured exposure.</summary>
    public const double FrameMs = 1000.0 / 60;

    /// <summary>The planned exposure of the fixed-exposure trials.</summary>
    public const int FixedExposureMs = 500;

    /// <summary>The staircase settings of generated tables.</summary>
    public static StaircaseSettings Staircase { get; } = new(StartMs: 500, MinMs: 50, MaxMs: 2000, StepFactor: 1.25);

    /// <summary>Generates a table.</summary>
    /// <param name="raters">Number of raters.</param>
    /// <param name="items">Untimed items (about half fake); the staircase and paired parts have as many trials.</param>
    /// <param name="seed">Seed of every random choice.</param>
    public static IReadOnlyList<RatingRow> Generate(int raters, int items, int seed)
    {
        var random = new Random(seed);
        var models = SyntheticRatings.Models;
        var truth = new RatingTruth[items];
        var source = new string[items];
        var realism = new double[items];
        var modelMeans = new[] { -0.8, -0.2, 0.4 };
        for (var i = 0; i < items; i++)
        {
            var fake = random.NextDouble() < 0.5;
            var model = random.Next(models.Count);
            truth[i] = fake ? RatingTruth.Fake : RatingTruth.Real;
            source[i] = fake ? models[model] : SyntheticRatings.RealSource;
            realism[i] = Normal.Sample(random, fake ? modelMeans[model] : 1.0, 0.8);
        }

        var rows = new List<RatingRow>();
        var clock = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        RatingRow Row(string rater, string item, string src, RatingTruth t, int response, RatingMode mode, int? exposure, bool practice, bool isCatch, RatingTruth? chosen = null)
        {
            var started = clock;
            var active = (long)Math.Round(LogNormal.Sample(random, 7.5, 0.4));
            clock = clock.AddMilliseconds(active + 250);
            return new RatingRow("protocols", rater, item, src, t, response, [], false, started, clock, active, mode, exposure, practice, isCatch, chosen);
        }

        for (var r = 0; r < raters; r++)
        {
            var rater = $"rater{r + 1:00}";
            var careless = r == raters - 1 && raters > 1;
            var bias = Normal.Sample(random, 0, 0.4);
            var noise = 0.5 + random.NextDouble();

            for (var p = 0; p < 4; p++)
            {
                var i = random.Next(items);
                rows.Add(Row(rater, $"practice{p + 1}", source[i], truth[i], Respond(random, realism[i], bias, noise), RatingMode.Untimed, null, true, false));
            }

            var catchNumber = 0;
            for (var i = 0; i < items; i++)
            {
                if (random.NextDouble() < 0.12)
                {
                    var fake = random.NextDouble() < 0.5;
                    var response = careless ? random.Next(1, 7) : fake ? random.Next(1, 3) : random.Next(5, 7);
                    rows.Add(Row(rater, $"catch{r + 1:00}-{++catchNumber}", fake ? NoiseSource : SyntheticRatings.RealSource, fake ? RatingTruth.Fake : RatingTruth.Real, response, RatingMode.Untimed, null, false, true));
                }

                rows.Add(Row(rater, $"item{i + 1:0000}", source[i], truth[i], Respond(random, realism[i], bias, noise), RatingMode.Untimed, null, false, false));
            }

            // The staircase: one model per rater (as HYPE runs it); p(correct) is a Weibull from 0.5 to 0.98 of exposure.
            var model = r % models.Count;
            var tau = 150.0 * (model + 1) * Math.Exp(Normal.Sample(random, 0, 0.2));
            var staircase = new ExposureStaircase(Staircase);
            for (var t = 0; t < items; t++)
            {
                var fake = random.NextDouble() < 0.5;
                var measured = (int)Math.Round(Math.Max(1, Math.Round(staircase.ExposureMs / FrameMs)) * FrameMs + random.Next(-2, 3));
                var correct = random.NextDouble() < 0.5 + 0.48 * (1 - Math.Exp(-Math.Pow(measured / tau, 2)));
                var says = correct == fake ? random.Next(1, 4) : random.Next(4, 7);
                rows.Add(Row(rater, $"stair{r + 1:00}-{t + 1:000}", fake ? models[model] : SyntheticRatings.RealSource, fake ? RatingTruth.Fake : RatingTruth.Real, says, RatingMode.Staircase, measured, false, false));
                staircase.Record(correct, measured);
            }

            var deceive = new[] { 0.15, 0.3, 0.45 };
            for (var t = 0; t < items / 2; t++)
            {
                var m = random.Next(models.Count);
                var chosen = random.NextDouble() < deceive[m] ? RatingTruth.Fake : RatingTruth.Real;
                rows.Add(Row(rater, $"pair{r + 1:00}-{t + 1:000}", models[m], RatingTruth.Fake, RatingRow.NoResponse, RatingMode.Paired, null, t < 2, false, chosen));
            }
        }

        // Fixed exposure last, on a random stream of its own so the parts above stay as they were: each rater sees half
        // the items for FixedExposureMs, measured within a frame of it; a shorter look blurs the perceived realism.
        random = new Random(seed + 7919);
        for (var r = 0; r < raters; r++)
        {
            var rater = $"rater{r + 1:00}";
            for (var t = 0; t < items / 2; t++)
            {
                var i = random.Next(items);
                var measured = FixedExposureMs + random.Next(-1, 2) * (int)Math.Round(FrameMs) + random.Next(-2, 3);
                rows.Add(Row(rater, $"fixed{r + 1:00}-{t + 1:000}", source[i], truth[i], Respond(random, realism[i] * 0.6, 0, 1.2), RatingMode.Fixed, measured, false, false));
            }
        }

        return rows;
    }

    private static int Respond(Random random, double realism, double bias, double noise)
    {
        var perceived = realism + bias + Normal.Sample(random, 0, noise);
        return Math.Clamp((int)Math.Round(3.5 + 1.2 * perceived), RatingRow.MinResponse, RatingRow.MaxResponse);
    }
}
