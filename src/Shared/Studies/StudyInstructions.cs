using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>The instructions a new study offers its raters, one text per protocol (the lead may write their own).</summary>
public static class StudyInstructions
{
    /// <summary>The default instructions of <paramref name="mode"/> for a study that asks <paramref name="task"/>.</summary>
    public static string For(RatingMode mode, RatingTask task) => task == RatingTask.Diagnosis
        ? mode == RatingMode.Fixed
            ? "Press Space when you are ready: a dermoscopy image shows briefly, then a noise pattern covers it. Say how likely the lesion is a melanoma."
            : "Say for each dermoscopy image how likely the lesion is a melanoma, from 1 (certainly benign) to 6 (certainly melanoma)."
        : For(mode);

    /// <summary>The default instructions of <paramref name="mode"/>.</summary>
    public static string For(RatingMode mode) => mode switch
    {
        RatingMode.Fixed or RatingMode.Staircase =>
            "Press Space when you are ready: an image shows briefly, then a noise pattern covers it. Decide whether it was a real dermoscopy image or one made by a computer.",
        RatingMode.Paired =>
            "Each trial shows two images side by side: one is a real dermoscopy image, the other was made by a computer. Pick the one you believe is real (← or →).",
        _ => "Decide for each image whether it is a real dermoscopy image or one made by a computer.",
    };

    /// <summary>True when <paramref name="text"/> is empty or one of the defaults, so a change of protocol may replace it.</summary>
    public static bool IsDefault(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || Enum.GetValues<RatingMode>().Any(m => Enum.GetValues<RatingTask>().Any(t => For(m, t) == text.Trim()));
}
