namespace MelanoGans.Training.Experiments;

/// <summary>How an arm builds and weighs its training data.</summary>
internal enum ExperimentArmKind
{
    /// <summary>All real training images.</summary>
    Full,

    /// <summary>Real images with a fraction of the melanomas removed: the baseline.</summary>
    Imbalanced,

    /// <summary>Imbalanced data, loss weighted by inverse class frequency.</summary>
    Weighted,

    /// <summary>Imbalanced data, melanomas drawn repeatedly until both classes are equally frequent.</summary>
    Oversampled,

    /// <summary>Imbalanced data plus synthetic melanomas from a generator.</summary>
    Synthetic,
}
