namespace MelanoGans.Server.Storage;

/// <summary>
/// Writes a file so that readers, other instances included, only ever see no file or the whole file: the bytes go
/// to a uniquely named temporary file in the same directory, are flushed to disk, and the temporary file is renamed
/// over the target. A rename within one directory is atomic on local file systems and on NFS, so two instances
/// writing the same content address at once leave one complete file (identical bytes, the last rename wins), and a
/// crash leaves at most a <c>.tmp</c> file, never half a target.
/// </summary>
public static class AtomicFile
{
    /// <summary>The suffix of temporary files; a leftover one (a crash mid-write) can be deleted at any time.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing any file there, atomically.</summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        // Hidden, unique and in the same directory: the rename never crosses a file system.
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(bytes, ct);
                // On disk before it gets its name: a crash right after the rename must not leave an empty file there.
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next clean-up; it has a temporary name, so no reader takes it for the target.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
