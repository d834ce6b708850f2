namespace MelanoGans.Client.Components.Studies;

/// <summary>The life-cycle actions a lead can take on a study from the list.</summary>
public enum StudyActionKind
{
    Start,
    Pause,
    Resume,
    Close,
    Clone,
}
