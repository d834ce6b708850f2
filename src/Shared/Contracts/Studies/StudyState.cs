namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>Life cycle of a study. Only a draft can be edited; only an open study takes answers.</summary>
public enum StudyState
{
    /// <summary>Being set up; sources, counts, raters and questions can change.</summary>
    Draft,

    /// <summary>The item set is being frozen and re-encoded; lasts a few seconds.</summary>
    Starting,

    /// <summary>Items frozen; assigned raters answer.</summary>
    Open,

    /// <summary>Items frozen; raters cannot answer until a lead reopens it.</summary>
    Paused,

    /// <summary>Finished for good; answers are kept for the statistics.</summary>
    Closed,
}
