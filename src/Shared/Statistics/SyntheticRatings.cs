using MathNet.Numerics.Distributions;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// A seeded, plausible ratings table for benchmarks, reference tests and demos: real images and fakes from
/// several models of different realism, raters of different skill and bias, missing answers, repeats and
/// artifact tags. The same arguments always give the same table.
/// </summary>
public static class SyntheticRatings
{
    /// <summary>The real source of generated tables.</summary>
    public const string RealSource = "isic2017";

    /// <summary>The models of generated tables, from least to most convincing.</summary>
    public static IReadOnlyList<string> Models { get; } = ["dcgan", "lapgan", "ddgan"];

    private static readonly string[] ArtifactTags = ["checkerboard", "blur", "colour", "border", "hair", "texture"];

    /// <summary>Generates a ratings table.</summary>
    /// <param name="raters">Number of raters.</param>
    /// <param name="items">Number of items; about half are fake, spread over <see cref="Models"/>.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="missingShare">Chance that a rater skipped an item (the first quarter of items is always complete).</param>
    /// <param name="repeatShare">Chance that a rater saw an answered item again (an is_repeat row).</param>
    public static IReadOnlyList<RatingRow> Generate(int raters, int items, int seed, double missingShare = 0, double repeatShare = 0.05)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var truth = new RatingTruth[items];
        var source = new string[items];
        var realism = new double[items];
        var modelMeans = new[] { -0.8, -0.2, 0.4 };
        for (var i = 0; i < items; i++)
        {
            var fake = random.NextDouble() < 0.5;
            truth[i] = fake ? RatingTruth.Fake : RatingTruth.Real;
            var model = random.Next(Models.Count);
            source[i] = fake ? Models[model] : RealSource;
            realism[i] = Normal.Sample(random, fake ? modelMeans[model] : 1.0, 0.8);
        }

        var rows = new List<RatingRow>(raters * items * 11 / 10);
        for (var r = 0; r < raters; r++)
        {
            var rater = $"rater{r + 1:00}";
            var bias = Normal.Sample(random, 0, 0.4);
            var noise = 0.5 + random.NextDouble();
            var clock = start.AddDays(r);
            for (var i = 0; i < items; i++)
            {
                if (i >= items / 4 && random.NextDouble() < missingShare)
                {
                    continue;
                }

                var response = Respond(random, realism[i], bias, noise);
                rows.Add(Row(random, rater, i, source[i], truth[i], response, isRepeat: false, ref clock));
                if (random.NextDouble() < repeatShare)
                {
                    rows.Add(Row(random, rater, i, source[i], truth[i], Respond(random, realism[i], bias, noise), isRepeat: true, ref clock));
                }
            }
        }

        return rows;
    }

    private static int Respond(Random random, double realism, double bias, double noise)
    {
        var perceived = realism + bias + Normal.Sample(random, 0, noise);
        return Math.Clamp((int)Math.Round(3.5 + 1.2 * perceived), RatingRow.MinResponse, RatingRow.MaxResponse);
    }

    private static RatingRow Row(Random random, string rater, int item, string source, RatingTruth truth, int response, bool isRepeat, ref DateTimeOffset clock)
    {
        var tags = new List<string>();
        // Raters tag what they see when they doubt an image, more so when it is fake.
        var tagChance = response <= 3 ? (truth == RatingTruth.Fake ? 0.5 : 0.2) : 0.05;
        foreach (var tag in ArtifactTags)
        {
            if (random.NextDouble() < tagChance / 2)
            {
                tags.Add(tag);
            }
        }

        var activeMs = (long)Math.Round(LogNormal.Sample(random, 8.0, 0.5));
        var started = clock;
        clock = clock.AddMilliseconds(activeMs + 300);
        return new RatingRow("synthetic", rater, $"item{item + 1:0000}", source, truth, response, tags, isRepeat, started, clock, activeMs);
    }
}
