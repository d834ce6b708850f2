namespace MelanoGans.Shared.Experiments;

/// <summary>Why a generator cannot add synthetic melanomas to an imbalance experiment.</summary>
public enum ModelMisfit
{
    /// <summary>Trained on every class (generator.json has no class).</summary>
    AllClasses,

    /// <summary>Trained on a class other than melanoma.</summary>
    OtherClass,

    /// <summary>Makes images of another size than the experiment's.</summary>
    OtherResolution,
}
