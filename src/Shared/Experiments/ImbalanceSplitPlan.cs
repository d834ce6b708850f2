using System.Globalization;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Experiments;

/// <summary>
/// The image counts of an imbalance experiment's split, from the label counts alone: the same fraction of every
/// label is held out as the real test split (rounded half away from zero), and the imbalanced arms drop a fraction
/// of the training melanomas. The trainer's split follows these counts, so the server can refuse a dataset that
/// is too small before a worker downloads it.
/// </summary>
/// <param name="TrainMelanoma">Real melanomas in the full training split.</param>
/// <param name="TrainOther">Other lesions in the training split.</param>
/// <param name="TestMelanoma">Melanomas held out for testing.</param>
/// <param name="TestOther">Other lesions held out for testing.</param>
/// <param name="Removed">Training melanomas the imbalanced arms drop.</param>
public sealed record ImbalanceSplitPlan(int TrainMelanoma, int TrainOther, int TestMelanoma, int TestOther, int Removed)
{
    /// <summary>Fewest images of each class a split may hold: sensitivity, specificity and AUC need both classes.</summary>
    public const int MinimumPerClass = 2;

    /// <summary>Training melanomas the imbalanced arms keep.</summary>
    public int Kept => TrainMelanoma - Removed;

    public static bool IsMelanoma(string label) => string.Equals(label.Trim(), LesionClassNames.Melanoma, StringComparison.OrdinalIgnoreCase);

    /// <summary>Images of one label held out for testing.</summary>
    public static int TestCount(int members, double testFraction) =>
        (int)Math.Round(members * testFraction, MidpointRounding.AwayFromZero);

    /// <summary>Training melanomas the imbalanced arms drop.</summary>
    public static int RemovedCount(int trainMelanoma, double removeFraction) =>
        (int)Math.Round(trainMelanoma * removeFraction, MidpointRounding.AwayFromZero);

    /// <summary>The plan for a dataset with these label counts (labels compared without case, as the trainer does).</summary>
    public static ImbalanceSplitPlan From(IEnumerable<LabelCount> labels, double testFraction, double removeFraction)
    {
        int trainMelanoma = 0, trainOther = 0, testMelanoma = 0, testOther = 0;
        foreach (var group in labels.GroupBy(l => l.Label.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var members = group.Sum(l => l.Count);
            var test = TestCount(members, testFraction);
            if (IsMelanoma(group.Key))
            {
                testMelanoma += test;
                trainMelanoma += members - test;
            }
            else
            {
                testOther += test;
                trainOther += members - test;
            }
        }

        return new ImbalanceSplitPlan(trainMelanoma, trainOther, testMelanoma, testOther, RemovedCount(trainMelanoma, removeFraction));
    }

    /// <summary>Why the split cannot be made: too few images of a class in a part, or too few melanomas kept.</summary>
    public IReadOnlyList<string> Problems(double removeFraction)
    {
        var problems = new List<string>();
        void Need(int count, string what)
        {
            if (count < MinimumPerClass)
            {
                problems.Add($"too few melanomas or other lesions to split: {count} {what}, at least {MinimumPerClass} are needed (use a larger dataset or change the test fraction)");
            }
        }

        Need(TestMelanoma, "melanomas in the test split");
        Need(TestOther, "other lesions in the test split");
        Need(TrainMelanoma, "melanomas in the training split");
        Need(TrainOther, "other lesions in the training split");
        if (problems.Count == 0 && Kept < MinimumPerClass)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"too few melanomas left to train: removing {removeFraction:0.###} of the {TrainMelanoma} training melanomas leaves {Kept}, at least {MinimumPerClass} are needed (lower the remove fraction or use a larger dataset)"));
        }

        return problems;
    }
}
