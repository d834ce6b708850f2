namespace MelanoGans.Shared.Statistics;

/// <summary>
/// One CSV cell as the studio writes it (RFC 4180 quoting), safe to open in a spreadsheet: a cell starting with a
/// formula character gets a leading apostrophe (OWASP "CSV injection").
/// </summary>
public static class CsvCell
{
    public static bool IsFormulaTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    public static string Escape(string value)
    {
        if (value.Length > 0 && IsFormulaTrigger(value[0])) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
