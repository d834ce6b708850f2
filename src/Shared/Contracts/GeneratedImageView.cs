namespace MelanoGans.Shared.Contracts;

/// <summary>One image of a generated pool: its content address and the seed that regenerates it.</summary>
public sealed record GeneratedImageView(long Id, string Sha256, long Seed);
