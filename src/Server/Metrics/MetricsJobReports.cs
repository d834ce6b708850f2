using System.Globalization;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Images;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Metrics;

/// <summary>
/// What a worker reports about a metrics job: progress, and at the end the figures and gallery, which are checked and
/// stored on the model. The holding rules are the training jobs' (<see cref="JobCoordinator"/>).
/// </summary>
internal sealed class MetricsJobReports(StudioDbContext db, JobCoordinator coordinator, ImageStore images, IDatasetReader datasets) : IJobProgressHandler<MetricsProgress>
{
    public Task ProgressAsync(long jobId, string connectionId, MetricsProgress progress) =>
        coordinator.ProgressAsync(jobId, connectionId, new JobStep(Math.Clamp(progress.Done, 0, progress.Total), progress.Total, Message: progress.Stage));

    /// <summary>Stores the figures; the job succeeds when they are plausible and fails with the reasons otherwise.</summary>
    public async Task<(int? ResultId, IReadOnlyList<string> Errors)> CompleteAsync(long jobId, int tokenId, MetricsUpload upload, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, tokenId, ct)
            ?? throw new InvalidOperationException($"Job {jobId} is not held by this worker.");
        var options = JobCoordinator.OptionsOf(job).Metrics!;
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

        var dataset = (await datasets.FindAsync(job.DatasetId, ct))?.Name;
        var r = upload.Report;
        var record = new ModelMetricsRecord
        {
            ModelId = options.ModelId,
            Dataset = dataset ?? $"dataset {job.DatasetId}",
            JobId = jobId,
            Extractor = r.Extractor,
            RealCount = r.RealCount,
            FakeCount = r.FakeCount,
            Fd = r.Fd,
            Kid = r.Kid,
            KidSd = r.KidSd,
            Precision = r.Precision,
            Recall = r.Recall,
            Density = r.Density,
            Coverage = r.Coverage,
            MemorisationShare = r.MemorisationShare ?? 0,
            PixelMemorisationShare = upload.PixelMemorisationShare,
            ClosestJson = JsonSerializer.Serialize(pairs),
        };
        db.ModelMetrics.Add(record);
        job.Step = job.TotalSteps;
        await db.SaveChangesAsync(ct);
        await coordinator.FinishAsync(job, TrainingJobState.Succeeded,
            string.Create(CultureInfo.InvariantCulture, $"FD {r.Fd:0.##}, KID {r.Kid:0.####} on {r.RealCount} real and {r.FakeCount} generated images ({r.Extractor})."), ct);
        return (record.Id, []);
    }

    /// <summary>Figures no metric can give: a worker bug or a forged upload, refused rather than shown.</summary>
    private static IEnumerable<string> Problems(MetricsUpload u)
    {
        var r = u.Report;
        if (r is null)
        {
            yield return "The report is missing.";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(r.Extractor) || r.Extractor.Length > 100) yield return "The extractor name is missing or too long.";
        if (r.RealCount < 2 || r.FakeCount < 2) yield return "Both sets need at least 2 images.";
        double[] finite = [r.Fd, r.Kid, r.KidSd, r.Density];
        if (finite.Any(v => !double.IsFinite(v)) || r.Fd < 0 || r.KidSd < 0 || r.Density < 0) yield return "FD, KID or density is not a valid number.";
        double[] shares = [r.Precision, r.Recall, r.Coverage, r.MemorisationShare ?? double.NaN, u.PixelMemorisationShare];
        if (shares.Any(v => !(v >= 0 && v <= 1))) yield return "A share (precision, recall, coverage, memorisation) is missing or outside 0-1.";
        if (u.Closest is null || u.Closest.Count > 32) yield return "The gallery pairs are missing or too many.";
        else if (u.Closest.Any(p => !ContentAddress.IsSha256Hex(p.TrainSha256) || p.GeneratedPng.Length > 1_000_000 || !IsImage(p.GeneratedPng)))
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
