using MelanoGans.Shared.Studies;

namespace MelanoGans.Shared.Tests.Studies;

public class ExposureStaircaseTests
{
    /// <summary>
    /// A simulated rater whose p(correct) at exposure t is a Weibull from chance: 0.5 + 0.5 (1 - exp(-(t/tau)^2)).
    /// 2-down-1-up settles where p(correct) = sqrt(0.5), i.e. (t/tau)^2 = -ln(2 - 2 sqrt(0.5)), t = 0.7313 tau.
    /// </summary>
    private static double TrueThreshold(double tau) => tau * Math.Sqrt(-Math.Log(2 - 2 * Math.Sqrt(0.5)));

    private static double Run(double tau, int trials, int seed)
    {
        var random = new Random(seed);
        var staircase = new ExposureStaircase(new StaircaseSettings(StartMs: 1000, MinMs: 20, MaxMs: 3000, StepFactor: 1.2));
        for (var t = 0; t < trials; t++)
        {
            var p = 0.5 + 0.5 * (1 - Math.Exp(-Math.Pow(staircase.ExposureMs / tau, 2)));
            staircase.Record(random.NextDouble() < p);
        }

        return staircase.ThresholdMs!.Value;
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(300.0)]
    [InlineData(800.0)]
    public void A_simulated_rater_converges_near_the_known_threshold(double tau)
    {
        var truth = TrueThreshold(tau);

        var thresholds = Enumerable.Range(1, 200).Select(seed => Run(tau, trials: 120, seed)).Order().ToArray();

        // The staircase is unbiased in log exposure up to a few percent; one rater's estimate scatters by about 25%.
        var median = thresholds[thresholds.Length / 2];
        Assert.InRange(median / truth, 0.85, 1.15);
        Assert.InRange(thresholds.Count(t => t / truth is > 0.6 and < 1.6) / (double)thresholds.Length, 0.9, 1.0);
    }

    [Fact]
    public void Steps_down_after_two_correct_up_after_an_error_and_stays_within_bounds()
    {
        var staircase = new ExposureStaircase(new StaircaseSettings(StartMs: 400, MinMs: 200, MaxMs: 500, StepFactor: 2));

        Assert.Equal(0, staircase.Record(true));
        Assert.Equal(400, staircase.ExposureMs);
        Assert.Equal(-1, staircase.Record(true));
        Assert.Equal(200, staircase.ExposureMs);
        Assert.Equal(0, staircase.Record(true));
        Assert.Equal(-1, staircase.Record(true));
        Assert.Equal(200, staircase.ExposureMs); // at the floor
        Assert.Equal(1, staircase.Record(false));
        Assert.Equal(400, staircase.ExposureMs);
        Assert.Equal(1, staircase.Record(false));
        Assert.Equal(500, staircase.ExposureMs); // at the ceiling
        Assert.Equal(6, staircase.Trials);
    }

    [Fact]
    public void Reversals_are_recorded_at_the_measured_exposure_and_the_threshold_averages_the_last_six()
    {
        var staircase = new ExposureStaircase(new StaircaseSettings());
        // down, up (reversal at 101), down (reversal at 102), up (103), down (104), up (105), down (106), up (107)
        (bool Correct, double Ms)[] trials =
        [
            (true, 1), (true, 2), (false, 101), (true, 3), (true, 102), (false, 103), (true, 4), (true, 104),
            (false, 105), (true, 5), (true, 106), (false, 107),
        ];
        foreach (var (correct, ms) in trials)
        {
            staircase.Record(correct, ms);
        }

        Assert.Equal([101.0, 102, 103, 104, 105, 106, 107], staircase.Reversals);
        Assert.Equal((102.0 + 103 + 104 + 105 + 106 + 107) / 6, staircase.ThresholdMs);
        Assert.Null(ExposureStaircase.Threshold([]));
        Assert.Equal(150, ExposureStaircase.Threshold([100.0, 200]));
    }

    [Theory]
    [InlineData(500, 0, 1000, 1.25, "the shortest exposure must be positive")]
    [InlineData(500, 600, 400, 1.25, "the longest exposure must not be shorter than the shortest")]
    [InlineData(50, 100, 400, 1.25, "the first exposure must lie between 100 and 400 ms")]
    [InlineData(500, 100, 1000, 1.0, "the step factor must be greater than 1")]
    public void Bad_settings_say_why(int start, int min, int max, double step, string problem)
    {
        var settings = new StaircaseSettings(start, min, max, step);

        Assert.Equal(problem, settings.Problem());
        Assert.Throws<ArgumentException>(() => new ExposureStaircase(settings));
    }
}
