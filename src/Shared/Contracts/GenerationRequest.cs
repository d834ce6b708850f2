namespace MelanoGans.Shared.Contracts;

/// <summary>What an admin asks of a generation job.</summary>
/// <param name="ModelId">The registered generator.</param>
/// <param name="Count">Images to make (1 to 10,000).</param>
/// <param name="Seed">Seed of the first image; image i gets seed Seed + i, recorded with it.</param>
/// <param name="Truncation">Resample latent values whose magnitude exceeds this (the truncation trick); null = off.</param>
/// <param name="PoolName">Unique name of the new pool; empty gives "model, seed S".</param>
public sealed record GenerationRequest(int ModelId, int Count, long Seed, double? Truncation, string? PoolName);
