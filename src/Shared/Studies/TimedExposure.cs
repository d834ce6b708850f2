namespace MelanoGans.Shared.Studies;

/// <summary>The rule of timed presentation both the server (flagging answers) and the dashboard (drawing them) apply.</summary>
public static class TimedExposure
{
    /// <summary>One 60 Hz frame, rounded up: a measured exposure further than this from the planned one is flagged.</summary>
    public const int FrameToleranceMs = 17;
}
