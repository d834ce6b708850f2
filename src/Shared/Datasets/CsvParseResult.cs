namespace MelanoGans.Shared.Datasets;

/// <summary>
/// The rows of a CSV file that parsed, and the errors of those that did not. A bad row does not stop
/// the others: an import reports the errors and goes on with <see cref="Rows"/>.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Rows">Valid rows in file order.</param>
/// <param name="Errors">Problems in file order; a header problem yields one error and no rows.</param>
public sealed record CsvParseResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<CsvError> Errors)
{
    /// <summary>True when the file had no errors at all.</summary>
    public bool IsValid => Errors.Count == 0;
}
