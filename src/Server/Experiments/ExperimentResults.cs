using MelanoGans.Client.Services;
using MelanoGans.Server.Jobs;
using System.Globalization;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Identity;
using MelanoGans.Server.Models;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>The Experiments page's service: admins store and read <c>results.json</c> files of the command line.</summary>
internal sealed class ExperimentResults(
    IDbContextFactory<StudioDbContext> dbs, OperationScopes scopes, CurrentUser current, IDatasetReader datasets, IModelReader modelReader, IJobReader jobs) : IExperimentResults
{
    /// <summary>A results.json of five arms and ten seeds is a few tens of kilobytes; this leaves room without inviting abuse.</summary>
    public const int MaxJsonChars = 2 * 1024 * 1024;

    public async Task<IReadOnlyList<ExperimentResultSummary>> ListAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.ExperimentResults.AsNoTracking().OrderByDescending(r => r.UploadedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Experiment, r.Dataset, r.ArmCount, r.SeedCount, r.FinishedAt, r.UploadedBy, r.UploadedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ExperimentResultSummary(
            r.Id, r.Name, r.Experiment, r.Dataset, r.ArmCount, r.SeedCount, r.FinishedAt, r.UploadedBy, r.UploadedAt)).ToList();
    }

    public async Task<ImbalanceExperimentResult?> GetAsync(int id, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var json = await db.ExperimentResults.AsNoTracking().Where(r => r.Id == id).Select(r => r.Json).SingleOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<ImbalanceExperimentResult>(json, ImbalanceExperimentResult.Json);
    }

    public async Task<OperationResult> UploadAsync(string name, string json, CancellationToken ct = default)
    {
        var user = (await current.RequireAsync(Roles.Admin, ct)).UserName;
        if (string.IsNullOrWhiteSpace(json)) return OperationResult.Fail("The file is empty.");
        if (json.Length > MaxJsonChars) return OperationResult.Fail($"The file is larger than {MaxJsonChars / 1024 / 1024} MB; a results.json is far smaller.");
        if (ExperimentResultValidator.Parse(json, out var errors) is not { } result) return OperationResult.Fail([.. errors]);

        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ExperimentResults.Add(ExperimentResult.From(result, name, user, json));
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    public async Task<(OperationResult Result, long? JobId)> StartAsync(int datasetId, ExperimentJobOptions options, CancellationToken ct = default)
    {
        var user = (await current.RequireAsync(Roles.Admin, ct)).UserName;
        var problems = options.Problems().ToList();
        var dataset = await datasets.FindAsync(datasetId, ct);
        if (dataset is null) problems.Add("Choose a dataset.");
        else if (dataset.NotReady is { } notReady) problems.Add(notReady);
        else if (problems.Count == 0)
        {
            var labels = (await datasets.ClassesAsync(datasetId, ct)).Select(c => new LabelCount(c.Label, c.DistinctImages)).ToList();
            problems.AddRange(ImbalanceSplitPlan.From(labels, options.TestFraction, options.RemoveFraction).Problems(options.RemoveFraction)
                .Select(p => $"{dataset.Name}: {p}."));
        }

        var models = await modelReader.FindManyAsync(options.ModelIds, ct);
        foreach (var id in options.ModelIds.Where(id => models.All(m => m.Id != id))) problems.Add($"There is no model {id}.");
        problems.AddRange(models.Select(m => ImbalanceModelRules.Problem(m.Name, m.Class, m.Resolution, options.Resolution)).OfType<string>().Select(p => p + "."));
        if (problems.Count > 0) return (OperationResult.Fail([.. problems]), null);

        var title = string.Create(CultureInfo.InvariantCulture,
            $"Imbalance experiment on {dataset!.Name}, {options.Resolution}x{options.Resolution}, {options.Seeds} seeds, {models.Count} model{(models.Count == 1 ? "" : "s")}");
        var jobOptions = new TrainingJobOptions { DatasetId = datasetId, Resolution = options.Resolution, Experiment = options };
        return (OperationResult.Ok, await scopes.RunAsync((JobCoordinator c) => c.EnqueueAsync(jobOptions, title, user, ct)));
    }

    public async Task<IReadOnlyList<TrainingJobSummary>> JobsAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await jobs.ListAsync(WorkerJobKind.Experiment, 100, ct);
    }

    public async Task<IReadOnlyList<ExperimentRunReport>> RunsAsync(long jobId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await scopes.RunAsync((ExperimentJobReports r) => r.RunsAsync(jobId, ct));
    }

    public async Task<OperationResult> DeleteAsync(int id, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await scopes.RunAsync((JobCoordinator c) => c.ForgetExperimentResultAsync(id, ct));
        return await db.ExperimentResults.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1
            ? OperationResult.Ok
            : OperationResult.Fail("No such result.");
    }

    public async Task<OperationResult> CancelAsync(long jobId, CancellationToken ct = default)
    {
        await current.RequireAsync(Roles.Admin, ct);
        return await scopes.RunAsync((JobCoordinator c) => c.RequestCancelAsync(jobId, WorkerJobKind.Experiment, ct));
    }
}
