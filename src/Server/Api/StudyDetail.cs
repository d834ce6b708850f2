using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Server.Api;

/// <summary>A study through the API: what the studies list shows, and its set-up (send it back, edited, to update a draft).</summary>
public sealed record StudyDetail(StudySummary Summary, StudySetup Setup);
