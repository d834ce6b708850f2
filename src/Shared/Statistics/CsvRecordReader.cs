using System.Text;

namespace MelanoGans.Shared.Statistics;

/// <summary>
/// Splits RFC 4180 text into records: quoted fields may hold commas, doubled quotes and line breaks, so
/// a record can span lines; each record carries the line number it starts on for error messages.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>One record and the 1-based line it starts on.</summary>
    internal readonly record struct Record(int Line, IReadOnlyList<string> Fields);

    private int _line = 1;

    /// <summary>The next record, or null at the end; a malformed quote throws <see cref="FormatException"/>.</summary>
    public Record? Next()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var start = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var wasQuoted = false;
        while (true)
        {
            var c = reader.Read();
            if (inQuotes)
            {
                if (c < 0)
                {
                    throw new FormatException($"line {start}: a quoted field is not closed before the end of the file");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case < 0:
                    fields.Add(field.ToString());
                    return new Record(start, fields);
                case '\r' when reader.Peek() == '\n':
                    continue;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return new Record(start, fields);
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '"' when field.Length == 0 && !wasQuoted:
                    inQuotes = true;
                    wasQuoted = true;
                    break;
                case '"':
                    throw new FormatException($"line {_line}: a quote inside an unquoted field (quote the whole field and double the quote)");
                default:
                    if (wasQuoted)
                    {
                        throw new FormatException($"line {_line}: text after the closing quote of a field");
                    }

                    field.Append((char)c);
                    break;
            }
        }
    }
}
