using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Metrics;

/// <summary>The metrics of the Models page (admins) and of the study dashboard (leads), and the metrics jobs.</summary>
internal sealed class ModelMetricsService(
    IDbContextFactory<StudioDbContext> dbs, OperationScopes scopes, CurrentUser current, IDatasetReader datasets, IModelReader models, IJobReader jobs,
    IOptions<MetricsOptions> settings) : IModelMetrics
{
    public async Task<IReadOnlyList<ModelMetricsView>> LatestAsync(CancellationToken ct = default)
    {
        await current.RequireAsync([Roles.Admin, Roles.Lead], ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var latest = await db.ModelMetrics.AsNoTracking()
            .Where(r => r.Id == db.ModelMetrics.Where(o => o.ModelId == r.ModelId).Max(o => o.Id))
            .ToListAsync(ct);
        // Metrics of a model deleted since are not shown.
        var names = (await models.FindManyAsync(latest.Select(r => r.ModelId).ToList(), ct)).ToDictionary(m => m.Id, m => m.Name);
        return latest.Where(r => names.ContainsKey(r.ModelId)).OrderBy(r => names[r.ModelId], StringComparer.Ordinal)
            .Select(r => ToView(r, names[r.ModelId])).ToList();
    }

    public async Task<(OperationResult Result, long? JobId)> StartAsync(int modelId, int? datasetId = null, CancellationToken ct = default)
    {
        var user = (await current.RequireAsync(Roles.Admin, ct)).UserName;
        return await StartForAsync(modelId, datasetId, user, ct);
    }

    /// <summary>Queues a metrics job on behalf of <paramref name="user"/> (or the server itself when a model is registered).</summary>
    internal async Task<(OperationResult Result, long? JobId)> StartForAsync(int modelId, int? datasetId, string? user, CancellationToken ct)
    {
        var model = await models.FindAsync(modelId, ct);
        if (model is null) return (OperationResult.Fail($"There is no model {modelId}."), null);
        // The chosen dataset, else the one a training job of this studio used, else (an upload, the demo) the manifest's name.
        var dataset = (datasetId ?? model.TrainingDatasetId) is { } id ? await datasets.FindAsync(id, ct) : await datasets.FindByNameAsync(model.Dataset, ct);
        if (dataset is null)
        {
            return (OperationResult.Fail(datasetId is null
                ? $"No dataset is named \"{model.Dataset}\", the data {model.Name} was trained on: choose the dataset to compare with."
                : $"There is no dataset {datasetId}."), null);
        }

        if (dataset.NotReady is { } notReady) return (OperationResult.Fail(notReady), null);
        var count = await datasets.DistinctImagesAsync(dataset.Id, model.Class, ct);
        if (count < 2)
            return (OperationResult.Fail($"The dataset {dataset.Name} has {count} image(s) of class {model.Class ?? "any"}; metrics need at least 2."), null);

        var options = new TrainingJobOptions
        {
            DatasetId = dataset.Id,
            Resolution = model.Resolution,
            Metrics = new MetricsJobOptions { ModelId = model.Id, Class = model.Class, Extractor = settings.Value.Extractor },
        };
        var title = $"Metrics of {model.Name} against {dataset.Name}{(model.Class is null ? "" : $" ({model.Class})")}";
        var (jobId, refusal) = await scopes.RunAsync((JobCoordinator c) => c.EnqueueUnlessAsync(options, title, user, async (jobs, token) =>
        {
            var open = (await jobs.Where(j => j.Kind == WorkerJobKind.Metrics
                    && (j.State == TrainingJobState.Queued || j.State == TrainingJobState.Claimed || j.State == TrainingJobState.Running))
                .Select(j => new { j.Number, j.OptionsJson }).ToListAsync(token))
                .FirstOrDefault(j => JsonSerializer.Deserialize<TrainingJobOptions>(j.OptionsJson, JobCoordinator.Json)?.Metrics?.ModelId == model.Id);
            return open is null ? null : $"{model.Name} is being measured already ({WorkerJobStates.Label(WorkerJobKind.Metrics, open.Number)}).";
        }, ct));
        return refusal is null ? (OperationResult.Ok, jobId) : (OperationResult.Fail(refusal), null);
    }

    public async Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await jobs.ListAsync(WorkerJobKind.Metrics, 100, ct);
    }

    public async Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await scopes.RunAsync((JobCoordinator c) => c.RequestCancelAsync(jobId, WorkerJobKind.Metrics, ct));
    }

    private static ModelMetricsView ToView(ModelMetricsRecord r, string modelName) => new(
        r.ModelId, modelName, r.Dataset, r.Extractor, r.RealCount, r.FakeCount, r.Fd, r.Kid, r.KidSd, r.Precision, r.Recall,
        r.Density, r.Coverage, r.MemorisationShare, r.PixelMemorisationShare, r.JobId, r.ComputedAt,
        JsonSerializer.Deserialize<List<MemorisationPairView>>(r.ClosestJson) ?? []);
}
