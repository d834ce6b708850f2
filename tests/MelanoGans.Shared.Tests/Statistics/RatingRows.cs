using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Statistics;

/// <summary>Hand-made answers for worked examples.</summary>
internal static class RatingRows
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static RatingRow Row(string rater, string item, RatingTruth truth, int response, string[]? tags = null,
        bool repeat = false, long activeMs = 1000, string? source = null) =>
        new("s", rater, item, source ?? (truth == RatingTruth.Fake ? "dcgan" : "isic2017"), truth, response, tags ?? [],
            repeat, Start, Start.AddMilliseconds(activeMs), activeMs);
}
