using System.IO.Compression;
using System.Text;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Datasets;

/// <summary>
/// A dataset as the trainer reads it: <c>&lt;sha256&gt;.png</c> files plus <c>manifest.csv</c> (file,label), zipped
/// into a temporary file (ZipArchive writes synchronously, which a response body refuses) that is deleted when
/// the returned stream closes. PNGs are stored, not deflated: they are compressed already. Rows are ordered by
/// content address, so the same images give the same manifest (and the trainer the same data order and test
/// split) however the import happened to number them.
/// </summary>
internal sealed class DatasetZipWriter(StudioDbContext db, ImageStore images)
{
    public async Task<Stream> WriteAsync(int datasetId, CancellationToken ct)
    {
        var rows = await db.DatasetImages.AsNoTracking().Where(i => i.DatasetId == datasetId).OrderBy(i => i.Sha256)
            .Select(i => new { i.Sha256, i.Label }).ToListAsync(ct);
        var path = Path.Combine(Path.GetTempPath(), $"melanogans-dataset-{Guid.NewGuid():N}.zip");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var manifest = new StringBuilder("file,label\n");
            foreach (var row in rows.DistinctBy(r => r.Sha256))
            {
                ct.ThrowIfCancellationRequested();
                zip.CreateEntryFromFile(images.PathOf(row.Sha256), row.Sha256 + ".png", CompressionLevel.NoCompression);
                manifest.Append(row.Sha256).Append(".png,").Append(row.Label).Append('\n');
            }

            var entry = zip.CreateEntry("manifest.csv");
            await using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            await writer.WriteAsync(manifest.ToString());
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }
}
