namespace MelanoGans.Server.Tests.Infrastructure;

/// <summary>
/// One studio for every test of a class (<c>IClassFixture&lt;SharedStudio&gt;</c>), for tests that only read or that
/// each use accounts of their own: a host (and on PostgreSQL a database) per theory row costs more than the test.
/// </summary>
public sealed class SharedStudio : IAsyncDisposable
{
    public StudioFactory Factory { get; } = new();

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
