namespace MelanoGans.Server.Data;

/// <summary>
/// What a running instance holds in the database under its key (<see cref="StudioInstance"/>): claimed jobs and
/// connected workers, a study it is freezing. Given back by another instance when it is found gone
/// (<see cref="StoppedInstanceSweeper"/>), and all of it by an instance that starts alone on the database
/// (<see cref="DataExtensions.RecoverWhatStoppedServersLeftAsync"/>). Each feature that holds something registers one.
/// </summary>
public interface IInstanceHoldings
{
    /// <summary>The keys of the instances (this one included) that hold something now.</summary>
    IQueryable<long> Holders(StudioDbContext db);

    /// <summary>Gives back what the stopped instance held, or, with null, what every stopped server left.</summary>
    Task ReleaseAsync(IServiceProvider services, long? instanceKey, CancellationToken ct);
}
