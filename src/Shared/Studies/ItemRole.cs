namespace MelanoGans.Shared.Studies;

/// <summary>What a frozen study item is for; the trials built from it have the same role.</summary>
public enum ItemRole
{
    /// <summary>An item of the study proper: counted in every statistic.</summary>
    Main,

    /// <summary>An obvious real or fake (noise) mixed in to check attention: counted only in the rater's catch accuracy.</summary>
    Catch,

    /// <summary>An item of the practice round before the study: feedback after each answer, never counted.</summary>
    Practice,
}
