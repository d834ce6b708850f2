namespace MelanoGans.Server.Datasets;

/// <summary>
/// The real path of a file or folder: every symbolic link along the way followed to its final target,
/// as the kernel would when opening it. Parts that do not exist are kept as written.
/// </summary>
/// <remarks>
/// <see cref="FileSystemInfo.ResolveLinkTarget(bool)"/> only follows the last part of a path, so a linked
/// folder higher up would go unnoticed; this walks every part. Managed code only, so it works wherever .NET
/// reads links.
/// </remarks>
internal static class RealPath
{
    // The kernel's own limit on links followed in one lookup (MAXSYMLINKS on Linux).
    private const int MaxLinks = 40;

    /// <summary>The absolute path <paramref name="path"/> leads to once every link is followed.</summary>
    /// <exception cref="IOException">More than 40 links (a loop).</exception>
    public static string Resolve(string path)
    {
        // Not Path.GetFullPath: it drops "link/.." as text, while the kernel goes up from the link's target.
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        Push(pending, full[current.Length..]);
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"Too many symbolic links in {path}.");
            // A relative target is relative to the link's folder, which is where we stand.
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target)!;
            Push(pending, Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target);
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
