using System.Text.Json.Serialization;

namespace MelanoGans.Shared.Contracts;

/// <summary>One line of a run's <c>stats.jsonl</c>: the state of training at one tick.</summary>
public sealed record TrainingTick
{
    /// <summary>File name of the stats file inside a run directory.</summary>
    public const string FileName = "stats.jsonl";

    /// <summary>Optimiser steps done (one step = one discriminator and one generator update).</summary>
    [JsonPropertyName("step")]
    public required long Step { get; init; }

    /// <summary>Zero-based epoch the step belongs to.</summary>
    [JsonPropertyName("epoch")]
    public required int Epoch { get; init; }

    /// <summary>Total steps the run is set to do.</summary>
    [JsonPropertyName("total_steps")]
    public required long TotalSteps { get; init; }

    /// <summary>Discriminator loss of the last step (sum over pyramid levels, adversarial part only).</summary>
    [JsonPropertyName("loss_d")]
    public required double LossD { get; init; }

    /// <summary>Generator loss of the last step (sum over pyramid levels).</summary>
    [JsonPropertyName("loss_g")]
    public required double LossG { get; init; }

    /// <summary>R1 penalty of the last step, already multiplied by gamma/2; null when R1 is off.</summary>
    [JsonPropertyName("loss_r1")]
    public double? LossR1 { get; init; }

    /// <summary>Real images consumed per second since the previous tick.</summary>
    [JsonPropertyName("images_per_second")]
    public required double ImagesPerSecond { get; init; }

    /// <summary>FD against the training images at this step (<c>--metric-every</c>); null between measurements.</summary>
    [JsonPropertyName("fd")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Fd { get; init; }

    /// <summary>KID against the training images at this step; null between measurements.</summary>
    [JsonPropertyName("kid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Kid { get; init; }

    /// <summary>Wall-clock seconds spent training in this process (resets on resume).</summary>
    [JsonPropertyName("elapsed_seconds")]
    public required double ElapsedSeconds { get; init; }
}
