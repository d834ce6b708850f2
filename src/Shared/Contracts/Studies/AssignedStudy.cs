namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A study as its rater sees it in "My studies": no truth, no scores, only own progress.</summary>
/// <param name="Answered">Trials answered, practice left out (the count every page uses).</param>
/// <param name="Total">Trials to answer, practice left out.</param>
/// <param name="Mode">The protocol, so the rater knows before starting whether images are timed or shown in pairs.</param>
public sealed record AssignedStudy(int Id, string Name, StudyState State, int Answered, int Total, RatingMode Mode = RatingMode.Untimed);
