using System.Security.Cryptography;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Images;
using MelanoGans.Server.Models;
using MelanoGans.Server.Storage;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Tests.Storage;

/// <summary>
/// Shared data directories: two instances writing the same content address at once leave one whole file, and a
/// reader never sees half of one.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-atomic-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Two_writers_racing_on_one_address_leave_one_whole_file_and_readers_never_see_a_part()
    {
        var ct = TestContext.Current.CancellationToken;
        var target = Path.Combine(_data, "shared", "address.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        for (var round = 0; round < 10; round++)
        {
            var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + round);
            File.Delete(target);
            using var stop = new CancellationTokenSource();
            var reader = Task.Run(() => ReadWhileWritten(target, bytes, stop.Token), ct);

            // Two "instances", each writing the same address several times over, all at once.
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AtomicFile.WriteAllBytesAsync(target, bytes, ct), ct)));
            await stop.CancelAsync();
            var partials = await reader;

            Assert.Equal(0, partials);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(target, ct));
        }

        Assert.Equal(["address.bin"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_image_stores_on_one_data_directory_store_the_same_image_once_and_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new StudioOptions { DataDirectory = _data });
        ImageStore[] instances = [new(options), new(options)];
        var png = RandomNumberGenerator.GetBytes(1024 * 1024);

        var shas = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => instances[i % 2].PutAsync(png, ct), ct)));

        var sha = Assert.Single(shas.Distinct());
        Assert.Equal(png, await instances[1].ReadAsync(sha, ct));
        Assert.Equal([sha + ".png"], Directory.GetFiles(Path.Combine(_data, "images")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_instances_registering_the_same_model_files_at_once_leave_both_files_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new StudioOptions { DataDirectory = _data });
        ModelFiles[] instances = [new(options), new(options)];
        var onnx = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        var manifest = "{\"architecture\":\"dcgan\"}"u8.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(onnx));

        var paths = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => instances[i % 2].WriteAsync(sha, onnx, manifest, ct), ct)));

        var relative = Assert.Single(paths.Distinct());
        Assert.Equal(onnx, await File.ReadAllBytesAsync(instances[0].FullPath(relative), ct));
        var folder = Path.GetDirectoryName(instances[0].FullPath(relative))!;
        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(folder, GeneratorManifest.FileName), ct));
        Assert.Equal([GeneratorManifest.FileName, GeneratorManifest.OnnxFileName], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_write_that_fails_leaves_neither_the_target_nor_a_temporary_file()
    {
        var target = Path.Combine(_data, "cancelled.bin");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAllBytesAsync(target, new byte[1024], cancelled.Token));

        Assert.Empty(Directory.GetFiles(_data));
    }

    /// <summary>Reads the target whenever it exists until stopped; counts the reads that found anything but the whole file.</summary>
    private static int ReadWhileWritten(string path, byte[] expected, CancellationToken stop)
    {
        var partials = 0;
        while (!stop.IsCancellationRequested)
        {
            byte[] seen;
            try
            {
                seen = File.ReadAllBytes(path);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            if (!seen.AsSpan().SequenceEqual(expected)) partials++;
        }

        return partials;
    }
}
