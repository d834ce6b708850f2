namespace MelanoGans.Training.Checkpoints;

/// <summary>
/// <c>checkpoint_&lt;step&gt;.json</c>: what the payload next to it holds and how to verify it. The random state is
/// counter based: data order is a function of (seed, epoch) and each step's noise of (seed, step), so seed and
/// step restore every generator exactly.
/// </summary>
public sealed record CheckpointInfo
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>Steps completed when the checkpoint was written.</summary>
    public required long Step { get; init; }

    /// <summary>Epoch of the next step.</summary>
    public required int Epoch { get; init; }

    public required string Architecture { get; init; }

    public required int Resolution { get; init; }

    public required int Latent { get; init; }

    public required int Width { get; init; }

    /// <summary>True when the payload also holds the EMA generator.</summary>
    public required bool HasEma { get; init; }

    /// <summary>Run seed; with <see cref="Step"/> it is the whole random state.</summary>
    public required long Seed { get; init; }

    /// <summary>File name of the payload (G, D, Adam states of both, EMA generator).</summary>
    public required string Payload { get; init; }

    /// <summary>Lower-case hex SHA-256 of the payload; a mismatch means a corrupt file.</summary>
    public required string Sha256 { get; init; }
}
