using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Studies;

/// <summary>
/// The practice round's pass mark: a rater whose round ends under it gets another round (a fresh order of the same
/// practice items) before the study starts; without a pass mark one round is enough, whatever its score.
/// </summary>
public static class PracticeRounds
{
    /// <summary>How many rounds the rater has been given so far.</summary>
    /// <param name="roundLength">Trials per round; 0 when the study has no practice.</param>
    /// <param name="passMark">The share of correct answers needed (0 to 1); null for none.</param>
    /// <param name="correctAt">Whether the answer at a position was correct; null when that position is unanswered.</param>
    public static int Given(int roundLength, double? passMark, Func<int, bool?> correctAt)
    {
        ArgumentNullException.ThrowIfNull(correctAt);
        if (roundLength == 0) return 0;
        for (var round = 0; ; round++)
        {
            if (passMark is not { } mark) return 1;
            var correct = 0;
            for (var p = round * roundLength; p < (round + 1) * roundLength; p++)
            {
                if (correctAt(p) is not { } right) return round + 1; // this round is still going on
                if (right) correct++;
            }
            if (correct >= mark * roundLength) return round + 1;
        }
    }

    /// <summary>Whether a 6-point answer is correct: 1-3 says fake, 4-6 real.</summary>
    public static bool Correct(int response, RatingTruth truth) => response <= 3 == (truth == RatingTruth.Fake);

    /// <summary>
    /// Whether an answer is right, the one rule of practice scores and catch accuracy: a paired choice (<paramref name="chosen"/>
    /// set) when the real image was picked; a diagnosis answer when 4-6 goes with a melanoma and 1-3 with another lesion (an
    /// image of no known class, such as a catch trial's noise, is not a melanoma); a realism answer by <see cref="Correct"/>.
    /// </summary>
    public static bool IsRight(RatingTask task, RatingTruth? chosen, int response, RatingTruth truth, string? lesionClass) =>
        chosen is { } picked ? picked == RatingTruth.Real
        : task == RatingTask.Diagnosis ? response >= 4 == (LesionClassNames.TryParse(lesionClass, out var c) && c == LesionClass.Melanoma)
        : Correct(response, truth);
}
