namespace MelanoGans.Server.Studies;

/// <summary>A study cannot start because its sources no longer hold what the set-up asks for.</summary>
internal sealed class StudySetupException(string message) : Exception(message);
