namespace MelanoGans.Server.Jobs;

/// <summary>
/// A worker connected to an instance's hub now, as every instance sees it: the admin's list and the local-worker
/// decision read these rows, whichever instance the worker is connected to. Removed when the worker disconnects, and
/// when its instance is found stopped (<see cref="StoppedInstanceSweeper"/>) or the studio starts alone.
/// </summary>
public sealed class WorkerConnectionRecord
{
    /// <summary>The hub connection's id.</summary>
    public string ConnectionId { get; set; } = "";

    /// <summary>The instance it is connected to (<see cref="Data.StudioInstance.Key"/>).</summary>
    public long InstanceKey { get; set; }

    public int TokenId { get; set; }

    public string TokenName { get; set; } = "";

    /// <summary>The worker's own name (its hello); the token's name until it says hello.</summary>
    public string Name { get; set; } = "";

    public string Device { get; set; } = "?";

    public DateTimeOffset ConnectedAt { get; set; }

    public long? JobId { get; set; }
}
