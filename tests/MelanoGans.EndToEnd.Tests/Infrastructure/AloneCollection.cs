namespace MelanoGans.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Tests that start a server of their own run alone, after the others: on two shared cores their start-up
/// (migrations, phantom rendering, statistics bootstrap) would slow the shared server's tests past their timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
