using System.Runtime.InteropServices;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// Tells a regular file from a FIFO, device or socket without opening it: opening a FIFO for reading blocks
/// until someone writes to it, so an import that opened one would hang.
/// </summary>
/// <remarks>
/// .NET does not expose the file type: on Linux <see cref="FileSystemInfo.Attributes"/> reports a FIFO and a
/// character device as <see cref="FileAttributes.Normal"/>, and <see cref="File.GetUnixFileMode(string)"/> holds
/// permissions only (measured with <c>mkfifo</c> and <c>/dev/null</c>). Linux's <c>statx</c> does: its result
/// has the same layout on every architecture (unlike <c>struct stat</c>), so it is read directly. Where statx
/// is missing (not Linux, an old libc) the fallback refuses links, folders and empty files: FIFOs, sockets and
/// devices report a size of 0.
/// </remarks>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxSize = 256;

    private static bool _statxMissing;

    /// <summary>The kind of <paramref name="path"/> itself (a link is reported as a link, not followed).</summary>
    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            try
            {
                return OfStatx(path);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _statxMissing = true;
            }
        }
        return OfManaged(path);
    }

    private static FileKind OfStatx(string path)
    {
        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return FileKind.Missing;
        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    private static FileKind OfManaged(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!info.Exists) return FileKind.Missing;
        return info.Length > 0 ? FileKind.Regular : FileKind.Unknown;
    }

    /// <summary>A few words for a skip reason: "a FIFO", "a character device".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file (or empty)",
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
