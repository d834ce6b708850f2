using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// How a study presents its items, as <c>GET /api/studies/{id}/presentation.json</c> exports it next to the ratings
/// table: the size, the filter, the encoding and its fixed byte length, each source's native resolution, and the
/// lead's upscaling override with its warning. A separate file, so the ratings CSV stays what <c>melanogans stats</c> reads.
/// </summary>
internal static class StudyPresentationReport
{
    /// <summary>The encoding every study image is served in.</summary>
    public const string Encoding = "png, 8-bit RGB, stored deflate blocks, no ancillary chunks";

    /// <summary>The warning the dashboard and exports show for an upscaling override; null for a like-for-like study.</summary>
    public static string? Warning(string? reason, string? allowedBy, DateTimeOffset? allowedAt, string? upscaled) => reason is null
        ? null
        : $"Not like-for-like: {upscaled}. Allowed by {allowedBy} on {allowedAt?.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {reason}";

    /// <summary>The report as snake_case JSON properties; null for an unknown study.</summary>
    public static async Task<object?> ReadAsync(StudioDbContext db, IDatasetReader datasets, IPoolReader pools, int studyId, CancellationToken ct)
    {
        var study = await db.Set<Study>().AsNoTracking().Include(s => s.Pools).SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null) return null;
        var sources = new List<PresentationSource>();
        if (study.RealCount > 0 && study.RealDatasetId is { } datasetId && await datasets.FindAsync(datasetId, ct) is { } dataset)
            sources.Add(new PresentationSource(dataset.Name, true, dataset.Resolution));
        var poolIds = study.Pools.Where(p => p.Count > 0).Select(p => p.PoolId).ToHashSet();
        sources.AddRange((await pools.ChoicesAsync(ct)).Where(p => poolIds.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new PresentationSource(p.ModelName, false, p.Resolution)));
        var size = study.PresentationSize;
        return new
        {
            study = study.Name,
            presentation_size = size,
            resize_filter = PresentationRules.ResizeFilter,
            encoding = Encoding,
            image_bytes = StoredPng.EncodedLength(size, size),
            sources = sources.Select(s => new
            {
                source = s.Name,
                truth = s.IsReal ? "real" : "fake",
                native_resolution = s.NativeResolution,
                upscaled = s.NativeResolution < size,
            }),
            like_for_like = study.UpscalingReason is null,
            upscaling_override = study.UpscalingReason is null ? null : new
            {
                reason = study.UpscalingReason,
                allowed_by = study.UpscalingAllowedBy,
                allowed_at = study.UpscalingAllowedAt,
                upscaled = study.UpscaledSources,
            },
            warning = Warning(study.UpscalingReason, study.UpscalingAllowedBy, study.UpscalingAllowedAt, study.UpscaledSources),
        };
    }
}
