using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>How a study's practice items and catch trials split into reals and fakes.</summary>
public static class ExtraItems
{
    /// <summary>Reals among the catch items: half the trials (a paired catch trial pairs noise with a real, so half rounded up).</summary>
    public static int CatchReals(RatingMode mode, int catchCount) =>
        Math.Max(0, mode == RatingMode.Paired ? (catchCount + 1) / 2 : catchCount / 2);

    /// <summary>Fakes (noise) among the catch items: one per paired trial, the other half of 6-point ones.</summary>
    public static int CatchFakes(RatingMode mode, int catchCount) =>
        Math.Max(0, mode == RatingMode.Paired ? catchCount : catchCount - catchCount / 2);

    /// <summary>Reals of the practice round: half, rounded up; the rest are generated images.</summary>
    public static int PracticeReals(int practiceCount) => Math.Max(0, (practiceCount + 1) / 2);

    /// <summary>Generated images of the practice round.</summary>
    public static int PracticeFakes(int practiceCount) => Math.Max(0, practiceCount - PracticeReals(practiceCount));
}
