using System.Text.Json;

namespace MelanoGans.Server.Api;

/// <summary>
/// What the API refuses in any JSON body before it is bound, whatever the request: a key twice in one object (which
/// value counts would be a guess), and strings with control characters other than tab and line breaks, or with the
/// invisible bidirectional controls that make a name read differently from what it holds ("Trojan source").
/// </summary>
internal static class JsonBodyScan
{
    /// <summary>
    /// The first offence as (field path, reason), or null; <paramref name="ignored"/> are top-level fields the request
    /// type does not read (the server sets them). Broken JSON is not an offence here: the binder reports where it breaks.
    /// </summary>
    public static (string Field, string Reason)? FirstOffence(ReadOnlySpan<byte> json, IReadOnlySet<string> ignored)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var frame = frames[^1];
                        frame.Property = name;
                        if (!frame.Names!.Add(name)) return (Path(frames), $"'{Path(frames)}' appears twice in one object; send each field once.");
                        if (Forbidden(name) is { } nameReason) return (Path(frames), $"A field name {nameReason}.");
                        if (frames.Count == 1 && ignored.Contains(name)) return (name, $"'{name}' is set by the server, not by a request.");
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        if (Forbidden(reader.GetString()!) is { } reason) return (Path(frames), $"'{Path(frames)}' {reason}.");
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the binder's own error names where.
        }
        return null;
    }

    /// <summary>Why a string may not be sent, or null.</summary>
    public static string? Forbidden(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return "holds a control character";
            if (c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                return "holds an invisible text-direction control";
        }
        return null;
    }

    /// <summary>A value inside an array moves its index on (the first value is index 0).</summary>
    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsObject) frames[^1].Index++;
    }

    private static string Path(List<Frame> frames)
    {
        var path = new System.Text.StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsObject && frame.Property is { } p) path.Append(path.Length == 0 ? p : "." + p);
            else if (!frame.IsObject && frame.Index >= 0) path.Append('[').Append(frame.Index).Append(']');
        }
        return path.Length == 0 ? "body" : path.ToString();
    }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;
        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;
        public string? Property { get; set; }
        public int Index { get; set; } = -1;
    }
}
