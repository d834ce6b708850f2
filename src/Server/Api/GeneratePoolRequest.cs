namespace MelanoGans.Server.Api;

/// <summary>A pool to generate from a model, as the models page's generation form asks for it.</summary>
public sealed record GeneratePoolRequest
{
    /// <summary>How many images.</summary>
    public int Count { get; init; }

    /// <summary>The seed of the first latent; the pool is reproducible from it.</summary>
    public long Seed { get; init; }

    /// <summary>Truncation of the latents (null: none).</summary>
    public double? Truncation { get; init; }

    /// <summary>The pool's name (null: one from the model and seed).</summary>
    public string? PoolName { get; init; }
}
