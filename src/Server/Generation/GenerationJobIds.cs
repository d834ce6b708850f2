namespace MelanoGans.Server.Generation;

/// <summary>Progress ids of generation jobs: one per pool, so a job resumed after a restart continues its bar.</summary>
public static class GenerationJobIds
{
    public const string Kind = "generation";

    public static string For(int poolId) => $"{Kind}:{poolId}";
}
