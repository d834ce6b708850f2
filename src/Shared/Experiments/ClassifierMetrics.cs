namespace MelanoGans.Shared.Experiments;

/// <summary>Test-split metrics of a melanoma classifier (melanoma = positive, decision threshold 0.5).</summary>
public static class ClassifierMetrics
{
    public const string Accuracy = "accuracy";
    public const string BalancedAccuracy = "balanced_accuracy";
    public const string Sensitivity = "sensitivity";
    public const string Specificity = "specificity";
    public const string Auc = "auc";

    /// <summary>Metric names in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Accuracy, BalancedAccuracy, Sensitivity, Specificity, Auc];

    /// <summary>Display names for tables and charts.</summary>
    public static string Display(string name) => name switch
    {
        Accuracy => "accuracy",
        BalancedAccuracy => "balanced accuracy",
        Sensitivity => "sensitivity",
        Specificity => "specificity",
        Auc => "AUC",
        _ => name,
    };

    public static Dictionary<string, double> Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isMelanoma)
    {
        if (scores.Count != isMelanoma.Count)
        {
            throw new ArgumentException("one score per label is needed");
        }

        int tp = 0, fn = 0, tn = 0, fp = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var called = scores[i] >= 0.5;
            if (isMelanoma[i])
            {
                _ = called ? tp++ : fn++;
            }
            else
            {
                _ = called ? fp++ : tn++;
            }
        }

        if (tp + fn == 0 || tn + fp == 0)
        {
            throw new ArgumentException("the test split needs both melanomas and other lesions");
        }

        var sensitivity = (double)tp / (tp + fn);
        var specificity = (double)tn / (tn + fp);
        return new Dictionary<string, double>
        {
            [Accuracy] = (double)(tp + tn) / scores.Count,
            [BalancedAccuracy] = (sensitivity + specificity) / 2,
            [Sensitivity] = sensitivity,
            [Specificity] = specificity,
            [Auc] = MannWhitneyAuc(scores, isMelanoma),
        };
    }

    /// <summary>AUC as the chance that a random melanoma scores above a random other lesion, ties counting one half (mid-ranks).</summary>
    public static double MannWhitneyAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> isMelanoma)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        double positives = 0, rankSum = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (isMelanoma[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        var negatives = scores.Count - positives;
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
