using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Experiments;

/// <summary>
/// Which generators an imbalance experiment can use: it adds synthetic melanomas at the classifier's resolution,
/// so a generator trained on all classes, on another class, or at another size is refused with the reason.
/// </summary>
public static class ImbalanceModelRules
{
    /// <summary>Why <paramref name="name"/> does not fit an experiment at <paramref name="resolution"/>, or null when it does.</summary>
    /// <param name="name">The model's name as the reader knows it.</param>
    /// <param name="modelClass">The class filter of its training run (generator.json's class), null for all classes.</param>
    /// <param name="modelResolution">Side of the images it makes.</param>
    /// <param name="resolution">Side of the images the experiment's classifier sees.</param>
    public static string? Problem(string name, string? modelClass, int modelResolution, int resolution) => Misfit(modelClass, modelResolution, resolution) switch
    {
        ModelMisfit.AllClasses => $"model '{name}' was trained on all classes (generator.json has no class); the imbalance experiment adds synthetic melanomas, so it needs a generator trained on the {LesionClassNames.Melanoma} class",
        ModelMisfit.OtherClass => $"model '{name}' was trained on class '{modelClass}'; the imbalance experiment adds synthetic melanomas, so it needs a generator trained on the {LesionClassNames.Melanoma} class",
        ModelMisfit.OtherResolution => $"model '{name}' makes {modelResolution}x{modelResolution} images but the experiment runs at {resolution}x{resolution}; use a {resolution}x{resolution} generator or run the experiment at {modelResolution}x{modelResolution}",
        _ => null,
    };

    /// <summary>The rule a generator breaks, first broken first; null when it fits (short notes in forms build on this).</summary>
    public static ModelMisfit? Misfit(string? modelClass, int modelResolution, int resolution) =>
        modelClass is null ? ModelMisfit.AllClasses
        : !ImbalanceSplitPlan.IsMelanoma(modelClass) ? ModelMisfit.OtherClass
        : modelResolution != resolution ? ModelMisfit.OtherResolution
        : null;

    /// <summary>
    /// A warning when a generator trained on the experiment's own dataset did not leave this experiment's test split
    /// out: it has seen test melanomas, which can only flatter its arm. Null when it held the split out or was
    /// trained on another dataset (names compared as the registry records them).
    /// </summary>
    public static string? LeakWarning(string modelDataset, HeldOutSplit? heldOut, string experimentDataset, double testFraction, long splitSeed)
    {
        if (!string.Equals(modelDataset.Trim(), experimentDataset.Trim(), StringComparison.OrdinalIgnoreCase)) return null;
        if (heldOut is { } split && split.SplitSeed == splitSeed && Math.Abs(split.TestFraction - testFraction) < 1e-9) return null;
        return heldOut is null
            ? $"trained on all of {experimentDataset}'s melanomas: it has seen this experiment's test melanomas (train it with the test split held out)"
            : $"trained with another test split held out ({heldOut}): it has seen some of this experiment's test melanomas";
    }
}
