using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>How a study's practice items and catch trials split into reals and fakes.</summary>
public static class ExtraItems
{
    /// <summary>Reals among the catch items: one per paired trial (so no two catch trials share a real), half of 6-point ones.</summary>
    public static int CatchReals(RatingMode mode, int catchCount) =>
        Math.Max(0, mode == RatingMode.Paired ? catchCount : catchCount / 2);

    /// <summary>Fakes (noise) among the catch items: one per paired trial, the other half of 6-point ones.</summary>
    public static int CatchFakes(RatingMode mode, int catchCount) =>
        Math.Max(0, mode == RatingMode.Paired ? catchCount : catchCount - catchCount / 2);

    /// <summary>
    /// Reals of the practice round: the count is trials, as the lead types it; a paired trial shows a real and a
    /// generated image, so a paired round has one real per trial, a 6-point round half its images, rounded up.
    /// </summary>
    public static int PracticeReals(RatingMode mode, int practiceCount) =>
        Math.Max(0, mode == RatingMode.Paired ? practiceCount : (practiceCount + 1) / 2);

    /// <summary>Generated images of the practice round: one per paired trial, the rest of a 6-point round.</summary>
    public static int PracticeFakes(RatingMode mode, int practiceCount) =>
        Math.Max(0, mode == RatingMode.Paired ? practiceCount : practiceCount - PracticeReals(mode, practiceCount));
}
