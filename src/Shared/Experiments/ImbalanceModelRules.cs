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
    public static string? Problem(string name, string? modelClass, int modelResolution, int resolution)
    {
        if (modelClass is null)
        {
            return $"model '{name}' was trained on all classes (generator.json has no class); the imbalance experiment adds synthetic melanomas, so it needs a generator trained on the {LesionClassNames.Melanoma} class";
        }

        if (!ImbalanceSplitPlan.IsMelanoma(modelClass))
        {
            return $"model '{name}' was trained on class '{modelClass}'; the imbalance experiment adds synthetic melanomas, so it needs a generator trained on the {LesionClassNames.Melanoma} class";
        }

        return modelResolution == resolution
            ? null
            : $"model '{name}' makes {modelResolution}x{modelResolution} images but the experiment runs at {resolution}x{resolution}; use a {resolution}x{resolution} generator or run the experiment at {modelResolution}x{modelResolution}";
    }
}
