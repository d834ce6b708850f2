namespace MelanoGans.Shared.Contracts.Studies;

/// <summary>A study as its rater sees it in "My studies": no truth, no scores, only own progress.</summary>
public sealed record AssignedStudy(int Id, string Name, StudyState State, int Answered, int Total);
