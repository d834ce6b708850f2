namespace MelanoGans.Server.Tests.Studies;

/// <summary>Timing tests run alone: other test classes on the same two cores would be measured too.</summary>
[CollectionDefinition(nameof(LoadTestCollection), DisableParallelization = true)]
public sealed class LoadTestCollection;
