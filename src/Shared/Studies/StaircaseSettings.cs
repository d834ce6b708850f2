namespace MelanoGans.Shared.Studies;

/// <summary>The bounds and step of an <see cref="ExposureStaircase"/> (a staircase study's set-up).</summary>
/// <param name="StartMs">The first exposure in milliseconds.</param>
/// <param name="MinMs">The shortest exposure; the staircase never goes below it.</param>
/// <param name="MaxMs">The longest exposure; the staircase never goes above it.</param>
/// <param name="StepFactor">
/// The exposure is divided by this after a step down and multiplied by it after a step up. A multiplicative step
/// moves as many frames at 100 ms as it does percent at 1000 ms, so one setting suits short and long thresholds.
/// </param>
public sealed record StaircaseSettings(int StartMs = 500, int MinMs = 50, int MaxMs = 2000, double StepFactor = 1.25)
{
    /// <summary>Why these settings cannot run a staircase, or null when they can.</summary>
    public string? Problem() =>
        MinMs <= 0 ? "the shortest exposure must be positive"
        : MaxMs < MinMs ? "the longest exposure must not be shorter than the shortest"
        : StartMs < MinMs || StartMs > MaxMs ? $"the first exposure must lie between {MinMs} and {MaxMs} ms"
        : !(StepFactor > 1) || !double.IsFinite(StepFactor) ? "the step factor must be greater than 1"
        : null;
}
