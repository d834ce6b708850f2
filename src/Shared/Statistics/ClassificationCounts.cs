using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>Counts of a set of answers by truth and response, enough for every classification statistic and the AUC.</summary>
internal sealed class ClassificationCounts
{
    // Indexed by response 1..6; slot 0 unused.
    private readonly int[] _fakes = new int[RatingRow.MaxResponse + 1];
    private readonly int[] _reals = new int[RatingRow.MaxResponse + 1];

    public int Answers { get; private set; }

    public int Fakes { get; private set; }

    public int Reals => Answers - Fakes;

    public int FakesCalledFake { get; private set; }

    public int RealsCalledReal { get; private set; }

    public void Add(RatingTruth truth, int response)
    {
        Answers++;
        var calledFake = response <= 3;
        if (truth == RatingTruth.Fake)
        {
            Fakes++;
            _fakes[response]++;
            FakesCalledFake += calledFake ? 1 : 0;
        }
        else
        {
            _reals[response]++;
            RealsCalledReal += calledFake ? 0 : 1;
        }
    }

    public ClassificationSummary Summarise(double confidence)
    {
        var correct = FakesCalledFake + RealsCalledReal;
        return new ClassificationSummary(
            Answers,
            WilsonInterval.Compute(correct, Answers, confidence),
            new BinomialTestResult(correct, Answers, ExactBinomialTest.TwoSidedAgainstHalf(correct, Answers)),
            WilsonInterval.Compute(FakesCalledFake, Fakes, confidence),
            WilsonInterval.Compute(RealsCalledReal, Reals, confidence),
            WilsonInterval.Compute(Fakes - FakesCalledFake, Fakes, confidence));
    }

    /// <summary>AUC with fake as positive and score 7 - response (higher = more fake).</summary>
    public double? Auc()
    {
        Span<int> positives = stackalloc int[RatingRow.MaxResponse];
        Span<int> negatives = stackalloc int[RatingRow.MaxResponse];
        for (var response = RatingRow.MinResponse; response <= RatingRow.MaxResponse; response++)
        {
            var score = RatingRow.MaxResponse + 1 - response; // 1..6, 6 = definitely fake
            positives[score - 1] = _fakes[response];
            negatives[score - 1] = _reals[response];
        }

        return RocAuc.FromCounts(positives, negatives);
    }
}
