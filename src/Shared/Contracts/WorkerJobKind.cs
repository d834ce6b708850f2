namespace MelanoGans.Shared.Contracts;

/// <summary>What a worker job does; each kind has a handler on the server and is numbered on its own (run 3, experiment 2).</summary>
public enum WorkerJobKind
{
    /// <summary>A GAN training run that ends in a registered generator.</summary>
    Training,

    /// <summary>A class-imbalance experiment that ends in a stored results.json.</summary>
    Experiment,

    /// <summary>Generator metrics of one registered model against its training data, stored on the model.</summary>
    Metrics,
}
