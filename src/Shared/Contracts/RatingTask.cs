namespace MelanoGans.Shared.Contracts;

/// <summary>What a study asks its raters (the ratings table's <c>task</c> column; a table without it is realism).</summary>
public enum RatingTask
{
    /// <summary>"Is this image real or generated?" on the 6-point scale (1 = definitely fake ... 6 = definitely real).</summary>
    Realism,

    /// <summary>"How likely is this lesion a melanoma?" on the 6-point scale (1 = certainly benign ... 6 = certainly melanoma).</summary>
    Diagnosis,
}
