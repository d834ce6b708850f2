using Npgsql;

namespace MelanoGans.Server.Data.Copy;

/// <summary>
/// <c>db copy --from sqlite:PATH --to postgres:CONNSTRING</c>: moves a studio's database (users with their password
/// hashes and roles, datasets, models, jobs, studies, every answer, the data-protection keys: every table) into an
/// empty database, and verifies row counts and a checksum per table. Run instead of the server, with the studio
/// stopped; the image store and model files stay in the data directory. Exit codes: 0 copied and verified, 1 refused
/// or failed (one line), 2 malformed arguments.
/// </summary>
/// <param name="From">The studio's database now.</param>
/// <param name="To">The empty database it moves to.</param>
public sealed record DbCopyCommand(DatabaseEndpoint From, DatabaseEndpoint To)
{
    public const string Usage = "usage: db copy --from sqlite:PATH --to postgres:CONNSTRING";

    /// <summary>The command in <paramref name="args"/>; null when they do not start with <c>db</c>; throws with the usage or reason.</summary>
    public static DbCopyCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "db") return null;
        if (args.Length != 6 || args[1] != "copy") throw new ArgumentException(Usage);
        string? from = null, to = null;
        for (var i = 2; i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--from": from = args[i + 1]; break;
                case "--to": to = args[i + 1]; break;
                default: throw new ArgumentException(Usage);
            }
        }
        if (from is null || to is null) throw new ArgumentException(Usage);
        try
        {
            return new DbCopyCommand(DatabaseEndpoint.Parse(from), DatabaseEndpoint.Parse(to));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"db copy: {e.Message}", e);
        }
    }

    /// <summary>Copies and verifies; returns the process exit code.</summary>
    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        IReadOnlyList<TableReport> reports;
        try
        {
            reports = await new DatabaseCopy(From, To, output).RunAsync(ct);
        }
        catch (Exception e) when (e is DbCopyRefusedException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"db copy refused: {OneLine(e.Message)}");
            return 1;
        }
        foreach (var r in reports)
            output.WriteLine($"{r.Table}: {r.SourceRows} -> {r.TargetRows} rows, sha256 {r.SourceChecksum[..16]} -> {r.TargetChecksum[..16]} {(r.Matches ? "ok" : "DIFFERENT")}");
        var bad = reports.Where(r => !r.Matches).Select(r => r.Table).ToList();
        if (bad.Count > 0)
        {
            error.WriteLine($"db copy failed: {string.Join(", ", bad)} differ after the copy; nothing was committed to {To.Display}.");
            return 1;
        }
        output.WriteLine($"Copied {reports.Count} tables, {reports.Sum(r => r.SourceRows)} rows from {From.Display} to {To.Display}; every count and checksum matches.");
        return 0;
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
