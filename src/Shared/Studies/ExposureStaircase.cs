namespace MelanoGans.Shared.Studies;

/// <summary>
/// The adaptive exposure rule of a staircase (HYPE-time) study: a 2-down-1-up staircase (Levitt 1971) on exposure
/// time. After two correct answers in a row the exposure gets shorter (divided by
/// <see cref="StaircaseSettings.StepFactor"/>); after an error it gets longer (multiplied by it); it stays within
/// <see cref="StaircaseSettings.MinMs"/> and <see cref="StaircaseSettings.MaxMs"/>.
/// </summary>
/// <remarks>
/// <para>Why 2-down-1-up and not 1-up-1-down: 1-up-1-down settles where the rater is right half the time, and for a
/// real-or-fake call 50% correct is guessing: that staircase would drift to the shortest exposure for every rater.
/// 2-down-1-up settles where p(correct)² = 0.5, i.e. 70.7% correct, halfway between chance and perfect.</para>
/// <para>A reversal is a step in the opposite direction of the previous step; its exposure is the one of the trial
/// that caused it (the measured exposure when given). The threshold is the mean exposure at the last
/// <see cref="ThresholdReversals"/> reversals (all of them when there are fewer), null before the first one.</para>
/// <para>The same object serves the rating session (which exposure to show next) and the statistics (replaying a
/// rater's answers with their measured exposures), so the two agree on what a reversal is.</para>
/// </remarks>
public sealed class ExposureStaircase
{
    /// <summary>How many of the last reversals the threshold averages.</summary>
    public const int ThresholdReversals = 6;

    private readonly StaircaseSettings _settings;
    private readonly List<double> _reversals = [];
    private int _correctInRow;
    private int _lastStep;

    /// <summary>A staircase at its first exposure.</summary>
    public ExposureStaircase(StaircaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        _settings = settings;
        ExposureMs = settings.StartMs;
    }

    /// <summary>The exposure to show next, in milliseconds.</summary>
    public double ExposureMs { get; private set; }

    /// <summary>Trials recorded.</summary>
    public int Trials { get; private set; }

    /// <summary>Exposures at the reversals so far, in order.</summary>
    public IReadOnlyList<double> Reversals => _reversals;

    /// <summary>The mean exposure at the last <see cref="ThresholdReversals"/> reversals; null before the first reversal.</summary>
    public double? ThresholdMs => Threshold(_reversals);

    /// <summary>The mean of the last <see cref="ThresholdReversals"/> values of <paramref name="reversals"/> (all when fewer); null when empty.</summary>
    public static double? Threshold(IReadOnlyList<double> reversals)
    {
        ArgumentNullException.ThrowIfNull(reversals);
        if (reversals.Count == 0)
        {
            return null;
        }

        var take = Math.Min(ThresholdReversals, reversals.Count);
        double sum = 0;
        for (var i = reversals.Count - take; i < reversals.Count; i++)
        {
            sum += reversals[i];
        }

        return sum / take;
    }

    /// <summary>Records an answer given at the current exposure and moves the staircase.</summary>
    /// <param name="correct">Whether the answer was right.</param>
    /// <param name="measuredMs">The exposure the client measured; a reversal here is recorded at it (else at the target).</param>
    /// <returns>-1 when the exposure steps down, +1 when it steps up, 0 when it stays.</returns>
    public int Record(bool correct, double? measuredMs = null)
    {
        var shown = measuredMs ?? ExposureMs;
        Trials++;
        int step;
        if (!correct)
        {
            _correctInRow = 0;
            step = 1;
        }
        else if (++_correctInRow == 2)
        {
            _correctInRow = 0;
            step = -1;
        }
        else
        {
            return 0;
        }

        if (_lastStep != 0 && step != _lastStep)
        {
            _reversals.Add(shown);
        }

        _lastStep = step;
        var next = step < 0 ? ExposureMs / _settings.StepFactor : ExposureMs * _settings.StepFactor;
        ExposureMs = Math.Clamp(next, _settings.MinMs, _settings.MaxMs);
        return step;
    }
}
