namespace MelanoGans.Shared.Statistics;

/// <summary>One bin of a <see cref="TimeHistogram"/>: answers with FromMs &lt;= active_ms &lt; ToMs.</summary>
public sealed record TimeBin(long FromMs, long ToMs, int Count);
