using MelanoGans.Server.Jobs;
using System.Text.Json;
using System.Text.RegularExpressions;
using MelanoGans.Server.Data;
using MelanoGans.Server.Hosting;
using MelanoGans.Server.Training;
using MelanoGans.Shared.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Tests.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) stops the real server process within seconds with exit code 0, and takes its local worker with it:
/// the worker checkpoints at its next step and exits; a worker whose server was killed outright exits by itself.
/// </summary>
public sealed partial class ShutdownTests : IDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-stop-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Sigint_stops_the_server_with_exit_code_0()
    {
        using var server = ServerProcess.Start(_data, "--Studio:Training:LocalWorker=false");
        await server.WaitForLineAsync(Listening(), StartBound);

        ServerProcess.Signal(server.Id, "INT");

        Assert.True(await server.WaitForExitAsync(StopBound) == 0, $"the server did not exit with 0 within {StopBound}:\n{server.Output}");
    }

    [Fact]
    public async Task Ctrl_c_stops_the_server_and_its_training_local_worker_which_checkpoints()
    {
        using var server = StartWithLocalWorker();
        var worker = await QueueJobAndWaitForTrainingAsync(server);

        // A terminal sends SIGINT to its whole foreground group (dotnet run, the server, the worker); the server then
        // sends the worker SIGTERM as well, which must not turn the stop into an abort that loses the checkpoint.
        ServerProcess.Signal(worker, "INT");
        ServerProcess.Signal(server.Id, "INT");

        Assert.True(await server.WaitForExitAsync(StopBound) == 0, $"the server did not exit with 0 within {StopBound}:\n{server.Output}");
        Assert.True(ServerProcess.IsGone(worker), $"the local worker {worker} outlived the server:\n{server.Output}");
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_data, "runs"), "checkpoint_*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_local_worker_whose_server_was_killed_exits_by_itself()
    {
        using var server = StartWithLocalWorker();
        var worker = await QueueJobAndWaitForTrainingAsync(server);

        ServerProcess.Signal(server.Id, "KILL");

        await Infrastructure.Eventually.ReturnsAsync(() => Task.FromResult(ServerProcess.IsGone(worker)), gone => gone, StopBound,
            $"the orphaned local worker {worker} to exit");
    }

    private ServerProcess StartWithLocalWorker()
    {
        // The server's own tests do not build the trainer; the suite's build of the solution (README, CI) does. A missing
        // trainer is a failure, not a reason to skip.
        var trainer = TrainerAssembly();
        if (trainer is null) Assert.Fail("no built trainer (src/Training/bin/**/melanogans.dll): build src/Training");
        return ServerProcess.Start(_data, "--Studio:Training:LocalWorker=true", $"--Studio:Training:WorkerPath={trainer}",
            "--Studio:Training:LocalWorkerThreads=1");
    }

    /// <summary>Queues a small, long job once the phantom dataset is ready; returns the worker's pid once it trains.</summary>
    private async Task<int> QueueJobAndWaitForTrainingAsync(ServerProcess server)
    {
        await server.WaitForLineAsync(PhantomReady(), StartBound);
        var options = new DbContextOptionsBuilder<StudioDbContext>().UseSqlite($"Data Source={Path.Combine(_data, "melanogans.db")}").Options;
        await using (var db = new StudioDbContext(options))
        {
            var dataset = await db.Datasets.Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
            var job = new TrainingJobOptions { Resolution = 32, Width = 16, Batch = 4, Epochs = 10_000, TickEvery = 1, DatasetId = dataset };
            db.WorkerJobs.Add(new WorkerJob
            {
                Title = "stop test",
                RunKey = Guid.NewGuid().ToString("N"),
                OptionsJson = JsonSerializer.Serialize(job, JobCoordinator.Json),
                DatasetId = dataset,
                State = TrainingJobState.Queued,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The supervisor polls for queued jobs; the worker claims this one and reports its first tick.
        var worker = await server.WaitForLocalWorkerAsync(StartBound);
        await Infrastructure.Eventually.ReturnsAsync(async () =>
        {
            await using var db = new StudioDbContext(options);
            return await db.WorkerJobs.Select(j => j.Step).SingleAsync();
        }, step => step > 0, StartBound, "the first training step");
        return worker;
    }

    private static string? TrainerAssembly()
    {
        if (StudioPaths.FindRepositoryRoot() is not { } root) return null;
        var bin = Path.Combine(root, "src", "Training", "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "melanogans.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
    }

    [GeneratedRegex("Now listening on: ")]
    private static partial Regex Listening();

    [GeneratedRegex("Phantom dataset .* is ready")]
    private static partial Regex PhantomReady();
}
