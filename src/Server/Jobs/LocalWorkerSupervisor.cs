using System.Diagnostics;
using System.Globalization;
using MelanoGans.Server.Configuration;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MelanoGans.Server.Jobs;

/// <summary>
/// When <see cref="WorkerOptions.LocalWorker"/> is on, starts <c>melanogans worker</c> on this
/// machine whenever a job is queued and no worker is connected (to any instance), so a single machine trains with no set-up.
/// The local worker gets a fresh token of its own (earlier local tokens are revoked) and OMP_WAIT_POLICY=PASSIVE.
/// Several instances on one PostgreSQL database: only the holder of the database lease
/// (<see cref="StudioDatabaseLock.LocalWorkers"/>) starts workers; when it stops or dies, another takes the lease over.
/// </summary>
internal sealed class LocalWorkerSupervisor(
    IServiceScopeFactory scopes,
    WorkerConnections connections,
    IOptions<WorkerOptions> options,
    IOptions<StudioOptions> studio,
    IServer server,
    IHostApplicationLifetime lifetime,
    StudioDatabaseLock locks,
    ILogger<LocalWorkerSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MinRestartInterval = TimeSpan.FromSeconds(20);
    private Process? _local;
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;
    private bool _reportedMissing;
    private IAsyncDisposable? _lease;
    private bool _reportedLeaseHeld;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LocalWorker) return;
        if (!await WaitStartedAsync(stoppingToken)) return;
        using var timer = new PeriodicTimer(Poll);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await HoldLeaseAsync(stoppingToken)) await SuperviseAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Local worker supervision failed");
                }
            }
        }
        finally
        {
            if (_lease is not null) await _lease.DisposeAsync();
        }
    }

    /// <summary>Takes the local-worker lease when free; true while this instance holds it.</summary>
    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        // A lease whose session ended (a database restart, a blip) may be another instance's now: taken again if free.
        _lease = await StudioDatabaseLock.KeepAsync(_lease, () => locks.TryAcquireAsync(StudioDatabaseLock.LocalWorkers, ct),
            () => logger.LogWarning("The local-worker lease ended with its database session; taking it again if it is free"), ct);
        if (_lease is null && !_reportedLeaseHeld)
        {
            logger.LogInformation("Another instance on this database starts the local workers");
            _reportedLeaseHeld = true;
        }
        return _lease is not null;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Hosts in tests can stop twice at once: only one call may signal, wait for and dispose the process.
        if (Interlocked.Exchange(ref _local, null) is { } process)
        {
            try
            {
                // SIGTERM first: the trainer writes a checkpoint at the next step and exits, so the requeued job
                // resumes where it stopped. Whatever still runs after the grace period is killed.
                if (!process.HasExited && PosixSignals.Terminate(process.Id))
                {
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken)
                        .ContinueWith(_ => { }, TaskScheduler.Default);
                }

                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                logger.LogWarning("The local worker did not stop cleanly: {Reason}", e.Message);
            }

            process.Dispose();
        }
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        if (_local is { HasExited: true } exited)
        {
            // 0: it stopped after LocalWorkerIdleMinutes without a job; the next queued job starts it again.
            if (exited.ExitCode == 0) logger.LogInformation("The local worker exited after {Minutes} idle minutes", options.Value.LocalWorkerIdleMinutes);
            else logger.LogWarning("The local worker exited with code {Code}", exited.ExitCode);
            exited.Dispose();
            _local = null;
        }

        if (_local is not null || DateTimeOffset.UtcNow - _lastStart < MinRestartInterval || await connections.AnyAsync(ct)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        if (!await db.WorkerJobs.AnyAsync(j => j.State == TrainingJobState.Queued, ct)) return;

        var worker = LocalWorkerLocator.Find(options.Value.WorkerPath);
        var url = ServerUrl();
        if (worker is null || url is null)
        {
            if (!_reportedMissing) logger.LogWarning("A training job is queued but no local worker can start (trainer {Worker}, server URL {Url})", worker, url);
            _reportedMissing = true;
            return;
        }

        await db.WorkerTokens.Where(t => t.IsLocal && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow), ct);
        var token = await WorkerAdministration.CreateAsync(db, $"local worker {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}", isLocal: true, ct);
        _local = Start(worker, url, token);
        _lastStart = DateTimeOffset.UtcNow;
        logger.LogInformation("Started the local worker (pid {Pid}): {Worker} against {Url}", _local.Id, worker, url);
    }

    private Process Start(LocalWorkerCommand worker, string url, string token)
    {
        var info = new ProcessStartInfo(worker.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = studio.Value.DataDirectoryFullPath,
        };
        foreach (var argument in worker.Arguments) info.ArgumentList.Add(argument);
        foreach (var argument in new[]
                 {
                     "worker", "--server", url, "--name", $"{Environment.MachineName} (local)",
                     "--runs", Path.Combine(studio.Value.DataDirectoryFullPath, "runs"),
                     "--threads", options.Value.LocalWorkerThreads.ToString(CultureInfo.InvariantCulture),
                     "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        if (options.Value.LocalWorkerIdleMinutes > 0)
        {
            info.ArgumentList.Add("--idle-exit-minutes");
            info.ArgumentList.Add(options.Value.LocalWorkerIdleMinutes.ToString(CultureInfo.InvariantCulture));
        }

        // The token travels in the environment, not the command line that every user can list.
        info.Environment["MELANOGANS_WORKER_TOKEN"] = token;
        // libgomp spins its idle threads unless told otherwise, starving the web server on small machines.
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {worker}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) logger.LogDebug("worker: {Line}", e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logger.LogInformation("worker: {Line}", e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private string? ServerUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ServerUrl)) return options.Value.ServerUrl;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null) return null;
        // Wildcard bindings are not addresses a client can dial; the worker is on this machine.
        return address.Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1")
            .Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").TrimEnd('/');
    }

    private async Task<bool> WaitStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var stopping = ct.Register(() => started.TrySetCanceled(ct));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
