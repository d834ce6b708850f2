using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// The hub trainer workers connect to (<see cref="TrainingHubContract.Path"/>), authenticated by worker tokens.
/// Workers claim jobs and report progress here; the server sends them cancel requests and "a job is queued".
/// Pages never connect here: they follow <see cref="WorkerJobNotifier"/> in process. Progress goes to the kind's
/// <see cref="IJobProgressHandler{TProgress}"/>; the rest of the life cycle to <see cref="JobCoordinator"/>.
/// </summary>
[Authorize(AuthenticationSchemes = WorkerTokenAuthentication.Scheme, Roles = WorkerTokenAuthentication.Role)]
internal sealed class WorkerHub(
    JobCoordinator coordinator,
    IJobProgressHandler<TrainingTick> ticks,
    IJobProgressHandler<ExperimentProgress> experiments,
    IJobProgressHandler<MetricsProgress> metrics,
    WorkerConnections connections) : Hub
{
    public override Task OnConnectedAsync() =>
        connections.AddAsync(Context, WorkerClaims.TokenId(Context.User), Context.User?.Identity?.Name ?? "?");

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.RemoveAsync(Context.ConnectionId);
        await coordinator.ReleaseAsync(Context.ConnectionId, "the worker disconnected");
    }

    [HubMethodName(TrainingHubContract.Claim)]
    public async Task<TrainingAssignment?> Claim(WorkerHello hello)
    {
        var assignment = await coordinator.ClaimAsync(hello, WorkerClaims.TokenId(Context.User), Context.ConnectionId, Context.ConnectionAborted);
        await connections.ClaimedAsync(Context.ConnectionId, hello, assignment?.JobId);
        return assignment;
    }

    [HubMethodName(TrainingHubContract.ReportStarted)]
    public Task ReportStarted(long jobId, TrainingStart start) => coordinator.StartedAsync(jobId, Context.ConnectionId, start);

    [HubMethodName(TrainingHubContract.ReportTick)]
    public Task ReportTick(long jobId, TrainingTick tick) => ticks.ProgressAsync(jobId, Context.ConnectionId, tick);

    [HubMethodName(TrainingHubContract.ReportExperimentProgress)]
    public Task ReportExperimentProgress(long jobId, ExperimentProgress progress) => experiments.ProgressAsync(jobId, Context.ConnectionId, progress);

    [HubMethodName(TrainingHubContract.ReportMetricsProgress)]
    public Task ReportMetricsProgress(long jobId, MetricsProgress progress) => metrics.ProgressAsync(jobId, Context.ConnectionId, progress);

    [HubMethodName(TrainingHubContract.ReportCancelled)]
    public async Task ReportCancelled(long jobId, long step)
    {
        await coordinator.CancelledAsync(jobId, Context.ConnectionId, step);
        await connections.SetJobAsync(Context.ConnectionId, null);
    }

    [HubMethodName(TrainingHubContract.ReportFailed)]
    public async Task ReportFailed(long jobId, string message)
    {
        await coordinator.FailedAsync(jobId, Context.ConnectionId, message);
        await connections.SetJobAsync(Context.ConnectionId, null);
    }
}
