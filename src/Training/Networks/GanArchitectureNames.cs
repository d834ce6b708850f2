using MelanoGans.Shared.Contracts;

namespace MelanoGans.Training.Networks;

/// <summary>The command-line and manifest spelling of each architecture.</summary>
public static class GanArchitectureNames
{
    /// <summary>All names accepted by <c>--arch</c>, in the order the help lists them (the hyperparameters' list).</summary>
    public static IReadOnlyList<string> All => TrainingHyperparameters.Architectures;

    /// <summary>The name of an architecture as used on the command line and in generator.json.</summary>
    public static string ToName(this GanArchitecture architecture) => architecture switch
    {
        GanArchitecture.Dcgan => "dcgan",
        GanArchitecture.Lapgan => "lapgan",
        GanArchitecture.DdganUpsample => "ddgan-upsample",
        GanArchitecture.DdganDeconv => "ddgan-deconv",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };

    /// <summary>Parses a name from <see cref="All"/>; throws with the list of valid names otherwise.</summary>
    public static GanArchitecture Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "dcgan" => GanArchitecture.Dcgan,
        "lapgan" => GanArchitecture.Lapgan,
        "ddgan-upsample" => GanArchitecture.DdganUpsample,
        "ddgan-deconv" => GanArchitecture.DdganDeconv,
        _ => throw new ArgumentException($"unknown architecture '{name}' (expected one of {string.Join(", ", All)})"),
    };
}
