using System.Diagnostics;
using MelanoGans.Server.Datasets;

namespace MelanoGans.Server.Tests.Datasets;

/// <summary>
/// The import's file-type check: a FIFO, a device and a link are told from a regular file without opening
/// anything (opening a FIFO would block), and real paths follow every link on the way.
/// </summary>
public sealed class FileKindsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("melanogans-kinds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_fifo_a_device_a_folder_and_a_link_are_not_regular_files()
    {
        var fifo = Path.Combine(_dir, "pipe.png");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var regular = Path.Combine(_dir, "a.png");
        File.WriteAllBytes(regular, [1, 2, 3]);
        var link = Path.Combine(_dir, "link.png");
        File.CreateSymbolicLink(link, regular);
        var clock = Stopwatch.StartNew();

        Assert.Equal(FileKind.Fifo, FileKinds.Of(fifo));
        Assert.Equal(FileKind.CharacterDevice, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_dir));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link));
        Assert.Equal(FileKind.Regular, FileKinds.Of(regular));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(_dir, "none.png")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
        // What .NET itself reports cannot tell them apart: both look like plain files.
        Assert.Equal(new FileInfo(regular).Attributes, new FileInfo(fifo).Attributes);
    }

    [Fact]
    public void The_real_path_follows_links_anywhere_on_the_way()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir, "target", "deep")).FullName;
        File.WriteAllBytes(Path.Combine(target, "x.png"), [1]);
        Directory.CreateSymbolicLink(Path.Combine(_dir, "hop"), Path.Combine("target", "deep"));
        File.CreateSymbolicLink(Path.Combine(_dir, "chain.png"), Path.Combine("hop", "x.png"));
        File.CreateSymbolicLink(Path.Combine(_dir, "loop"), Path.Combine(_dir, "loop"));

        Assert.Equal(Path.Combine(target, "x.png"), RealPath.Resolve(Path.Combine(_dir, "hop", "x.png")));
        Assert.Equal(Path.Combine(target, "x.png"), RealPath.Resolve(Path.Combine(_dir, "chain.png")));
        Assert.Equal(Path.Combine(_dir, "target"), RealPath.Resolve(Path.Combine(_dir, "hop", "..")));
        Assert.Equal(Path.Combine(_dir, "plain", "new.png"), RealPath.Resolve(Path.Combine(_dir, "plain", "new.png")));
        Assert.Throws<IOException>(() => RealPath.Resolve(Path.Combine(_dir, "loop")));
    }
}
