using System.Globalization;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Server.Studies;

/// <summary>Who changed a study last, and the reason a change based on an older copy is refused.</summary>
internal static class StudyChanges
{
    /// <summary>Records a change of the set-up or raters: a new version, by whom and when.</summary>
    public static void Stamp(Study study, string by, DateTimeOffset at)
    {
        study.Version++;
        study.UpdatedBy = by;
        study.UpdatedAt = at;
    }

    /// <summary>
    /// Null when the study is in <paramref name="expected"/> state and, where given, at <paramref name="version"/>;
    /// otherwise what happened since, in the words a lead reads ("This study was started by lead2 at 14:02 UTC; reload to see it.").
    /// </summary>
    public static string? Refusal(Study study, StudyState expected, int? version)
    {
        if (study.State != expected)
        {
            return study.State switch
            {
                StudyState.Starting => $"This study is being started by {Who(study.StartedBy)} right now; reload in a moment.",
                StudyState.Closed => $"This study was closed by {Who(study.ClosedBy)}{At(study.ClosedAt)}; reload to see it.",
                StudyState.Open when expected == StudyState.Draft =>
                    $"This study was started by {Who(study.StartedBy)}{At(study.StartedAt)}; reload to see it.",
                StudyState.Paused when expected == StudyState.Draft =>
                    $"This study was started by {Who(study.StartedBy)}{At(study.StartedAt)} and is paused; reload to see it.",
                _ => $"This study is {study.State.ToString().ToLowerInvariant()} since a change by {Who(study.UpdatedBy)}{At(study.UpdatedAt)}; reload to see it.",
            };
        }
        return version is { } v && v != study.Version
            ? $"This study was changed by {Who(study.UpdatedBy)}{At(study.UpdatedAt)} since you opened it; reload to see it."
            : null;
    }

    private static string Who(string? userName) => string.IsNullOrEmpty(userName) ? "another user" : userName;

    private static string At(DateTimeOffset? time) =>
        time is { } t ? string.Create(CultureInfo.InvariantCulture, $" at {t.UtcDateTime:HH:mm} UTC") : "";
}
