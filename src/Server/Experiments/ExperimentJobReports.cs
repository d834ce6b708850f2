using System.Globalization;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Jobs;
using MelanoGans.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>
/// What a worker reports about an experiment job: progress (with each finished classifier, kept and pushed to the
/// pages) and, at the end, results.json, which is checked like an uploaded file and stored for the Experiments page.
/// The holding rules are the training jobs' (<see cref="JobCoordinator"/>).
/// </summary>
internal sealed class ExperimentJobReports(StudioDbContext db, JobCoordinator coordinator) : IJobProgressHandler<ExperimentProgress>
{
    public Task ProgressAsync(long jobId, string connectionId, ExperimentProgress progress) =>
        coordinator.ProgressAsync(jobId, connectionId,
            new JobStep(progress.Step, progress.TotalSteps, ImagesPerSecond: progress.ImagesPerSecond > 0 ? progress.ImagesPerSecond : null,
                Message: string.Create(CultureInfo.InvariantCulture, $"Training the classifier of \"{progress.Arm}\", seed {progress.Seed}.")),
            job => RecordAsync(job.Id, progress.Finished),
            summary => new TrainingUpdate(summary, null, null, false, progress.Finished));

    /// <summary>Keeps a finished classifier once (a report sent again after a reconnect adds nothing).</summary>
    private async Task RecordAsync(long jobId, ExperimentRunReport? run)
    {
        if (run is null || await db.ExperimentRuns.AnyAsync(r => r.JobId == jobId && r.Arm == run.Arm && r.Seed == run.Seed)) return;
        db.ExperimentRuns.Add(new ExperimentRunRecord
        {
            JobId = jobId,
            Arm = run.Arm,
            Label = run.Label,
            Seed = run.Seed,
            MetricsJson = JsonSerializer.Serialize(run.Metrics),
            Seconds = run.Seconds,
            TrainMelanoma = run.TrainMelanoma,
            SyntheticMelanoma = run.SyntheticMelanoma,
            TrainOther = run.TrainOther,
        });
    }

    /// <summary>Stores the uploaded results.json; the job succeeds when it is a valid result, and fails with the reasons otherwise.</summary>
    public async Task<(int? ResultId, IReadOnlyList<string> Errors)> CompleteAsync(long jobId, int tokenId, string json, CancellationToken ct)
    {
        var job = await coordinator.HeldByTokenAsync(jobId, tokenId, ct)
            ?? throw new InvalidOperationException($"Job {jobId} is not held by this worker.");
        var result = ExperimentResultValidator.Parse(json, out var errors);
        if (result is null)
        {
            await coordinator.FinishAsync(job, TrainingJobState.Failed, "The worker's results were refused: " + string.Join(" ", errors), ct);
            return (null, errors);
        }

        var stored = ExperimentResult.From(result, job.Title, job.CreatedBy ?? job.Worker ?? "worker", json);
        stored.JobId = jobId;
        db.ExperimentResults.Add(stored);
        await db.SaveChangesAsync(ct);
        job.Step = job.TotalSteps;
        job.ExperimentResultId = stored.Id;
        await coordinator.FinishAsync(job, TrainingJobState.Succeeded,
            string.Create(CultureInfo.InvariantCulture, $"Finished in {result.Seconds:0} s; result {stored.Id} stored."), ct);
        return (stored.Id, []);
    }

    /// <summary>The finished classifiers of a job so far, in the order they finished.</summary>
    public async Task<IReadOnlyList<ExperimentRunReport>> RunsAsync(long jobId, CancellationToken ct)
    {
        var rows = await db.ExperimentRuns.AsNoTracking().Where(r => r.JobId == jobId).OrderBy(r => r.Id).ToListAsync(ct);
        return rows.Select(r => new ExperimentRunReport(
            r.Arm, r.Label, r.Seed, JsonSerializer.Deserialize<Dictionary<string, double>>(r.MetricsJson) ?? [], r.Seconds,
            r.TrainMelanoma, r.SyntheticMelanoma, r.TrainOther)).ToList();
    }
}
