namespace MelanoGans.Server.Datasets;

/// <summary>What a path is on disk, as far as an import cares: only <see cref="Regular"/> files are opened.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Unknown,
}
