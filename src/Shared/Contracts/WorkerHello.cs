namespace MelanoGans.Shared.Contracts;

/// <summary>What a worker says about itself when it asks for a job.</summary>
/// <param name="Name">Stable name of the worker (machine name by default); a job interrupted on this worker is kept for it so it can resume from its checkpoint.</param>
/// <param name="Device">Where it trains: <c>cpu</c> or <c>cuda</c>, shown to admins.</param>
public sealed record WorkerHello(string Name, string Device);
