using System.Globalization;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Metrics;

/// <summary>
/// What a worker reports about a metrics job: progress, and at the end the figures and gallery, which are checked and
/// stored on the model. The holding rules are the training jobs' (<see cref="TrainingCoordinator"/>).
/// </summary>
internal sealed class MetricsJobReports(StudioDbContext db, TrainingCoordinator coordinator, ImageStore images)
{
    public async Task ProgressAsync(long jobId, string connectionId, MetricsProgress progress)
    {
        var job = await coordinator.HeldByConnectionAsync(jobId, connectionId);
        job.MoveTo(TrainingJobState.Running, progress.Stage);
        job.Step = Math.Clamp(progress.Done, 0, progress.Total);
        job.TotalSteps = progress.Total;
        await db.SaveChangesAsync();
        coordinator.Publish(job);
    }

    /// <summary>Stores the figures; the job succeeds when they are plausible and fails with the reasons otherwise.</summary>
    public async Task<(int? ResultId, IReadOnlyList<string> Errors)> CompleteAsync(long jobId, int tokenId, MetricsUpload upload, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, tokenId, ct)
            ?? throw new InvalidOperationException($"Job {jobId} is not held by this worker.");
        var options = TrainingCoordinator.OptionsOf(job).Metrics!;
        var errors = Problems(upload).ToList();
        if (errors.Count > 0)
        {
            await coordinator.FinishAsync(job, TrainingJobState.Failed, "The worker's metrics were refused: " + string.Join(" ", errors), ct);
            return (null, errors);
        }

        var pairs = new List<MemorisationPairView>();
        foreach (var pair in upload.Closest)
        {
            // Re-encoded like every stored image: no metadata kept.
            var png = ImageCodec.EncodePng(ImageCodec.Decode(pair.GeneratedPng));
            pairs.Add(new MemorisationPairView(await images.PutAsync(png, ct), pair.TrainSha256, pair.CosineDistance, pair.SecondRatio));
        }

        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == job.DatasetId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        var record = new ModelMetricsRecord
        {
            ModelId = options.ModelId,
            Dataset = dataset ?? $"dataset {job.DatasetId}",
            JobId = jobId,
            Extractor = upload.Extractor,
            RealCount = upload.RealCount,
            FakeCount = upload.FakeCount,
            Fd = upload.Fd,
            Kid = upload.Kid,
            KidSd = upload.KidSd,
            Precision = upload.Precision,
            Recall = upload.Recall,
            Density = upload.Density,
            Coverage = upload.Coverage,
            MemorisationShare = upload.MemorisationShare,
            PixelMemorisationShare = upload.PixelMemorisationShare,
            ClosestJson = JsonSerializer.Serialize(pairs),
        };
        db.ModelMetrics.Add(record);
        job.Step = job.TotalSteps;
        await db.SaveChangesAsync(ct);
        await coordinator.FinishAsync(job, TrainingJobState.Succeeded,
            string.Create(CultureInfo.InvariantCulture, $"FD {upload.Fd:0.##}, KID {upload.Kid:0.####} on {upload.RealCount} real and {upload.FakeCount} generated images ({upload.Extractor})."), ct);
        return (record.Id, []);
    }

    /// <summary>Figures no metric can give: a worker bug or a forged upload, refused rather than shown.</summary>
    private static IEnumerable<string> Problems(MetricsUpload u)
    {
        if (string.IsNullOrWhiteSpace(u.Extractor) || u.Extractor.Length > 100) yield return "The extractor name is missing or too long.";
        if (u.RealCount < 2 || u.FakeCount < 2) yield return "Both sets need at least 2 images.";
        double[] finite = [u.Fd, u.Kid, u.KidSd, u.Density];
        if (finite.Any(v => !double.IsFinite(v)) || u.Fd < 0 || u.KidSd < 0 || u.Density < 0) yield return "FD, KID or density is not a valid number.";
        double[] shares = [u.Precision, u.Recall, u.Coverage, u.MemorisationShare, u.PixelMemorisationShare];
        if (shares.Any(v => !(v >= 0 && v <= 1))) yield return "A share (precision, recall, coverage, memorisation) is outside 0-1.";
        if (u.Closest.Count > 32) yield return "Too many gallery pairs.";
        if (u.Closest.Any(p => !ContentAddress.IsSha256Hex(p.TrainSha256) || p.GeneratedPng.Length > 1_000_000 || !IsImage(p.GeneratedPng)))
            yield return "A gallery pair is malformed.";
    }

    // Decoding proves a gallery image is one before it enters the image store.
    private static bool IsImage(byte[] png)
    {
        try
        {
            ImageCodec.Decode(png);
            return true;
        }
        catch (ImageDecodeException)
        {
            return false;
        }
    }
}
