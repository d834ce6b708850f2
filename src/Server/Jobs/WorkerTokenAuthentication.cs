namespace MelanoGans.Server.Jobs;

/// <summary>Names of the worker-token authentication scheme and the role it grants.</summary>
public static class WorkerTokenAuthentication
{
    public const string Scheme = "WorkerToken";

    /// <summary>Held only by token-authenticated workers; no person has it.</summary>
    public const string Role = "TrainingWorker";

    /// <summary>Claim type of the token's database id.</summary>
    public const string TokenIdClaim = "worker_token_id";
}
