using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using MelanoGans.Training.Data;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// A seeded split stratified by manifest label: the same fraction of every label goes to the held-out test split,
/// which all arms and seeds share. Indices refer to <see cref="LabelledImages"/>.
/// </summary>
internal sealed record ExperimentSplit(int[] TrainMelanoma, int[] TrainOther, int[] TestMelanoma, int[] TestOther)
{
    public IEnumerable<int> Train => TrainMelanoma.Concat(TrainOther);

    public IEnumerable<int> Test => TestMelanoma.Concat(TestOther);

    public static ExperimentSplit Create(LabelledImages images, double testFraction, long seed)
    {
        var testSet = TestIndices(images.Labels, testFraction, seed);
        var train = Enumerable.Range(0, images.Count).Where(i => !testSet.Contains(i)).ToList();
        var test = testSet.ToList();
        train.Sort();
        test.Sort();
        var split = new ExperimentSplit(
            train.Where(i => images.IsMelanoma[i]).ToArray(),
            train.Where(i => !images.IsMelanoma[i]).ToArray(),
            test.Where(i => images.IsMelanoma[i]).ToArray(),
            test.Where(i => !images.IsMelanoma[i]).ToArray());
        split.AssertDisjoint(images);
        split.Check(removeFraction: 0);
        return split;
    }

    /// <summary>
    /// The held-out test images: the same fraction of every label (labels compared without case), chosen in a seeded
    /// order per label. It depends on the labels and their order only, so a trainer that holds the split out of a
    /// GAN's data (<see cref="HeldOutSplit"/>) finds the same images without decoding any.
    /// </summary>
    public static HashSet<int> TestIndices(IReadOnlyList<string> labels, double testFraction, long seed)
    {
        var test = new HashSet<int>();
        var distinct = labels.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        for (var l = 0; l < distinct.Count; l++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => string.Equals(labels[i], distinct[l], StringComparison.OrdinalIgnoreCase)).ToArray();
            var order = EpochOrder.For(EpochOrder.Mix(seed, l), 0, members.Length);
            var testCount = ImbalanceSplitPlan.TestCount(members.Length, testFraction);
            for (var k = 0; k < testCount; k++)
            {
                test.Add(members[order[k]]);
            }
        }

        return test;
    }

    /// <summary>How many training melanomas the imbalanced arms drop.</summary>
    public int RemovedCount(double removeFraction) => ImbalanceSplitPlan.RemovedCount(TrainMelanoma.Length, removeFraction);

    /// <summary>The training melanomas the imbalanced arms keep for one seed (a seeded choice, so seeds differ).</summary>
    public int[] KeptMelanomas(double removeFraction, long seed)
    {
        var keep = TrainMelanoma.Length - RemovedCount(removeFraction);
        var order = EpochOrder.For(EpochOrder.Mix(seed, 101), 0, TrainMelanoma.Length);
        return order.Take(keep).Select(k => TrainMelanoma[k]).Order().ToArray();
    }

    /// <summary>Refuses a removal that leaves too few melanomas to train on.</summary>
    public void CheckRemoval(double removeFraction) => Check(removeFraction);

    /// <summary>No image may be in both the training and the test split: checked by index and by file path.</summary>
    public void AssertDisjoint(LabelledImages images)
    {
        var trainFiles = new HashSet<string>(Train.Select(i => images.Files[i]), StringComparer.Ordinal);
        var overlap = Test.Where(i => trainFiles.Contains(images.Files[i])).Select(i => images.Files[i]).ToList();
        if (overlap.Count > 0 || Train.Intersect(Test).Any())
        {
            throw new InvalidOperationException($"split error: {overlap.Count} images are in both the training and the test split, e.g. '{overlap.FirstOrDefault()}'");
        }
    }

    /// <summary>Refuses a split with too few images of a class in a part, or too few melanomas kept.</summary>
    private void Check(double removeFraction)
    {
        var plan = new ImbalanceSplitPlan(TrainMelanoma.Length, TrainOther.Length, TestMelanoma.Length, TestOther.Length, RemovedCount(removeFraction));
        if (plan.Problems(removeFraction) is [var first, ..])
        {
            throw new InvalidDataException(first);
        }
    }
}
