using MelanoGans.Client.Services;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Models;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Metrics;

/// <summary>The metrics of the Models page (admins) and of the study dashboard (leads), and the metrics jobs.</summary>
internal sealed class ModelMetricsService(
    IDbContextFactory<StudioDbContext> dbs, OperationScopes scopes, CurrentUser current, IOptions<MetricsOptions> settings) : IModelMetrics
{
    /// <summary>The dataset name the trainer writes for the built-in phantom folder (the demo generator's).</summary>
    private const string PhantomName = "phantom";

    public async Task<IReadOnlyList<ModelMetricsView>> LatestAsync(CancellationToken ct = default)
    {
        await current.RequireAsync([Roles.Admin, Roles.Lead], ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var latest = await db.ModelMetrics.AsNoTracking()
            .Where(r => r.Id == db.ModelMetrics.Where(o => o.ModelId == r.ModelId).Max(o => o.Id))
            .Join(db.GeneratorModels, r => r.ModelId, m => m.Id, (r, m) => new { Record = r, m.Name })
            .ToListAsync(ct);
        return latest.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => ToView(x.Record, x.Name)).ToList();
    }

    public async Task<(OperationResult Result, long? JobId)> StartAsync(int modelId, int? datasetId = null, CancellationToken ct = default)
    {
        var user = (await current.RequireAsync(Roles.Admin, ct)).UserName;
        return await StartForAsync(modelId, datasetId, user, ct);
    }

    /// <summary>Queues a metrics job on behalf of <paramref name="user"/> (or the server itself when a model is registered).</summary>
    internal async Task<(OperationResult Result, long? JobId)> StartForAsync(int modelId, int? datasetId, string? user, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var model = await db.GeneratorModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, ct);
        if (model is null) return (OperationResult.Fail($"There is no model {modelId}."), null);
        var dataset = await TrainingDatasetAsync(db, model, datasetId, ct);
        if (dataset is null)
        {
            return (OperationResult.Fail(datasetId is null
                ? $"No dataset is named \"{model.Dataset}\", the data {model.Name} was trained on: choose the dataset to compare with."
                : $"There is no dataset {datasetId}."), null);
        }

        if (dataset.State != DatasetState.Ready) return (OperationResult.Fail($"The dataset {dataset.Name} is not ready ({dataset.State})."), null);
        var count = await db.DatasetImages.AsNoTracking()
            .Where(i => i.DatasetId == dataset.Id && (model.Class == null || i.Label == model.Class))
            .Select(i => i.Sha256).Distinct().CountAsync(ct);
        if (count < 2)
            return (OperationResult.Fail($"The dataset {dataset.Name} has {count} image(s) of class {model.Class ?? "any"}; metrics need at least 2."), null);

        var options = new TrainingJobOptions
        {
            DatasetId = dataset.Id,
            Resolution = model.Resolution,
            Metrics = new MetricsJobOptions { ModelId = model.Id, Class = model.Class, Extractor = settings.Value.Extractor },
        };
        var title = $"Metrics of {model.Name} against {dataset.Name}{(model.Class is null ? "" : $" ({model.Class})")}";
        var (jobId, refusal) = await scopes.RunAsync((TrainingCoordinator c) => c.EnqueueUnlessAsync(options, title, user, async (jobs, token) =>
        {
            var open = (await jobs.Where(j => j.Kind == WorkerJobKind.Metrics
                    && (j.State == TrainingJobState.Queued || j.State == TrainingJobState.Claimed || j.State == TrainingJobState.Running))
                .Select(j => new { j.Number, j.OptionsJson }).ToListAsync(token))
                .FirstOrDefault(j => JsonSerializer.Deserialize<TrainingJobOptions>(j.OptionsJson, TrainingCoordinator.Json)?.Metrics?.ModelId == model.Id);
            return open is null ? null : $"{model.Name} is being measured already ({WorkerJobStates.Label(WorkerJobKind.Metrics, open.Number)}).";
        }, ct));
        return refusal is null ? (OperationResult.Ok, jobId) : (OperationResult.Fail(refusal), null);
    }

    public async Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var jobs = await db.TrainingJobs.AsNoTracking().Where(j => j.Kind == WorkerJobKind.Metrics).OrderByDescending(j => j.Id).Take(100).ToListAsync(ct);
        return jobs.Select(TrainingCoordinator.ToSummary).ToList();
    }

    public async Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.TrainingJobs.AnyAsync(j => j.Id == jobId && j.Kind == WorkerJobKind.Metrics, ct)
            ? await scopes.RunAsync((TrainingCoordinator c) => c.RequestCancelAsync(jobId, ct))
            : OperationResult.Fail("No such metrics job.");
    }

    /// <summary>
    /// The chosen dataset, else the one a training job of this studio trained the model on, else (an upload, the demo)
    /// the one its manifest names, else (for the trainer's "phantom") the built-in phantom.
    /// </summary>
    private static async Task<Dataset?> TrainingDatasetAsync(StudioDbContext db, GeneratorModel model, int? datasetId, CancellationToken ct)
    {
        var datasets = db.Datasets.AsNoTracking();
        if ((datasetId ?? model.TrainingDatasetId) is { } id) return await datasets.SingleOrDefaultAsync(d => d.Id == id, ct);
        var named = await datasets.Where(d => d.Name == model.Dataset).FirstOrDefaultAsync(ct);
        if (named is not null || !string.Equals(model.Dataset, PhantomName, StringComparison.OrdinalIgnoreCase)) return named;
        return await datasets.Where(d => d.Kind == DatasetKind.Phantom && d.State == DatasetState.Ready).OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
    }

    private static ModelMetricsView ToView(ModelMetricsRecord r, string modelName) => new(
        r.ModelId, modelName, r.Dataset, r.Extractor, r.RealCount, r.FakeCount, r.Fd, r.Kid, r.KidSd, r.Precision, r.Recall,
        r.Density, r.Coverage, r.MemorisationShare, r.PixelMemorisationShare, r.JobId, r.ComputedAt,
        JsonSerializer.Deserialize<List<MemorisationPairView>>(r.ClosestJson) ?? []);
}
