using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Statistics;

/// <summary>What <see cref="RatingsCsv.Read(TextReader)"/> found: the rows, or why the file is not a ratings table.</summary>
/// <param name="Rows">The rows read, in file order; empty when <paramref name="Errors"/> is not.</param>
/// <param name="Errors">One line per problem, each starting with <c>line N:</c>; empty when the file is valid.</param>
public sealed record RatingsCsvReadResult(IReadOnlyList<RatingRow> Rows, IReadOnlyList<string> Errors)
{
    /// <summary>True when the whole file was read without a problem.</summary>
    public bool IsValid => Errors.Count == 0;
}
