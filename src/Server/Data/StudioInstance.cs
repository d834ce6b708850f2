namespace MelanoGans.Server.Data;

/// <summary>
/// This running instance, as the other instances on the database know it: the key of the lock it holds for its
/// lifetime (<see cref="StudioDatabaseLock.Instance"/>), written on what it holds (<see cref="IInstanceHoldings"/>).
/// </summary>
public sealed class StudioInstance
{
    public long Key { get; } = StudioDatabaseLock.Instance((uint)Random.Shared.NextInt64(1, uint.MaxValue));
}
