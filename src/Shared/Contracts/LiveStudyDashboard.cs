using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Contracts;

/// <summary>What an open dashboard shows after each answer: the study's counts and its statistics, computed together.</summary>
public sealed record LiveStudyDashboard(StudyRatingsInfo Study, StudyDashboard Dashboard);
