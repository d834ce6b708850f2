namespace MelanoGans.Client.Components.Studies;

/// <summary>A life-cycle action requested on one study.</summary>
public sealed record StudyAction(int StudyId, StudyActionKind Kind, int Version);
