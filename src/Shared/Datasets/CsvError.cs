namespace MelanoGans.Shared.Datasets;

/// <summary>One problem in a CSV file, located by its 1-based physical line number.</summary>
/// <param name="Line">1-based line number; the header is line 1.</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record CsvError(int Line, string Message)
{
    /// <summary>"line N: message", the form shown in import reports and on the command line.</summary>
    public override string ToString() => $"line {Line}: {Message}";
}
