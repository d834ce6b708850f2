namespace MelanoGans.Server.Data;

/// <summary>
/// What a running instance holds in the database under its key (<see cref="StudioInstance"/>): claimed jobs and
/// connected workers, a study it is freezing. When the instance is found gone, another gives it back
/// (<see cref="StoppedInstanceSweeper"/>). Each feature that holds something registers one.
/// </summary>
public interface IInstanceHoldings
{
    /// <summary>The keys of the instances (this one included) that hold something now.</summary>
    IQueryable<long> Holders(StudioDbContext db);

    /// <summary>Gives back what the stopped instance held, with the scope's services.</summary>
    Task ReleaseAsync(IServiceProvider services, long instanceKey, CancellationToken ct);
}
