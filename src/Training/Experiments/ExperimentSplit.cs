using System.Globalization;
using MelanoGans.Training.Data;

namespace MelanoGans.Training.Experiments;

/// <summary>
/// A seeded split stratified by manifest label: the same fraction of every label goes to the held-out test split,
/// which all arms and seeds share. Indices refer to <see cref="LabelledImages"/>.
/// </summary>
internal sealed record ExperimentSplit(int[] TrainMelanoma, int[] TrainOther, int[] TestMelanoma, int[] TestOther)
{
    /// <summary>Fewest images of each class a split may hold: sensitivity, specificity and AUC need both classes.</summary>
    public const int MinimumPerClass = 2;

    public IEnumerable<int> Train => TrainMelanoma.Concat(TrainOther);

    public IEnumerable<int> Test => TestMelanoma.Concat(TestOther);

    public static ExperimentSplit Create(LabelledImages images, double testFraction, long seed)
    {
        var train = new List<int>();
        var test = new List<int>();
        var labels = images.Labels.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        for (var l = 0; l < labels.Count; l++)
        {
            var members = Enumerable.Range(0, images.Count).Where(i => string.Equals(images.Labels[i], labels[l], StringComparison.OrdinalIgnoreCase)).ToArray();
            var order = EpochOrder.For(EpochOrder.Mix(seed, l), 0, members.Length);
            var testCount = (int)Math.Round(members.Length * testFraction, MidpointRounding.AwayFromZero);
            for (var k = 0; k < members.Length; k++)
            {
                (k < testCount ? test : train).Add(members[order[k]]);
            }
        }

        train.Sort();
        test.Sort();
        var split = new ExperimentSplit(
            train.Where(i => images.IsMelanoma[i]).ToArray(),
            train.Where(i => !images.IsMelanoma[i]).ToArray(),
            test.Where(i => images.IsMelanoma[i]).ToArray(),
            test.Where(i => !images.IsMelanoma[i]).ToArray());
        split.AssertDisjoint(images);
        split.CheckCounts();
        return split;
    }

    /// <summary>How many training melanomas the imbalanced arms drop.</summary>
    public int RemovedCount(double removeFraction) =>
        (int)Math.Round(TrainMelanoma.Length * removeFraction, MidpointRounding.AwayFromZero);

    /// <summary>The training melanomas the imbalanced arms keep for one seed (a seeded choice, so seeds differ).</summary>
    public int[] KeptMelanomas(double removeFraction, long seed)
    {
        var keep = TrainMelanoma.Length - RemovedCount(removeFraction);
        var order = EpochOrder.For(EpochOrder.Mix(seed, 101), 0, TrainMelanoma.Length);
        return order.Take(keep).Select(k => TrainMelanoma[k]).Order().ToArray();
    }

    /// <summary>Refuses a removal that leaves too few melanomas to train on.</summary>
    public void CheckRemoval(double removeFraction)
    {
        var kept = TrainMelanoma.Length - RemovedCount(removeFraction);
        if (kept < MinimumPerClass)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"too few melanomas left to train: removing {removeFraction:0.###} of the {TrainMelanoma.Length} training melanomas leaves {kept}, at least {MinimumPerClass} are needed (lower --remove-fraction or use a larger dataset)"));
        }
    }

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

    private void CheckCounts()
    {
        void Need(int count, string what)
        {
            if (count < MinimumPerClass)
            {
                throw new InvalidDataException(
                    $"too few melanomas or other lesions to split: {count} {what}, at least {MinimumPerClass} are needed (use a larger dataset or change --test-fraction)");
            }
        }

        Need(TestMelanoma.Length, "melanomas in the test split");
        Need(TestOther.Length, "other lesions in the test split");
        Need(TrainMelanoma.Length, "melanomas in the training split");
        Need(TrainOther.Length, "other lesions in the training split");
    }
}
