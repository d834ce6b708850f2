using MelanoGans.Server.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MelanoGans.Server.Tests.Data;

/// <summary>A studio with jobs from before job kinds keeps them, each with its kind and a number per kind.</summary>
public sealed class WorkerJobKindsMigrationTests : IDisposable
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("melanogans-migration-").FullName, "studio.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Fact]
    public async Task Existing_jobs_get_their_kind_and_are_numbered_per_kind_in_id_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = new StudioDbContext(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite($"Data Source={_file}").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261125205355_ExperimentJobs", ct);
        await db.Database.OpenConnectionAsync(ct);
        // Jobs of a dataset that is not part of this test.
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", ct);
        foreach (var (key, experiment) in new[] { ("a", 0), ("b", 1), ("c", 0), ("d", 1), ("e", 0) })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO TrainingJobs (Title, RunKey, OptionsJson, DatasetId, State, Step, TotalSteps, Epoch, CancelRequested, Interruptions, IsExperiment, CreatedAt)
                VALUES ({key}, {key}, {"{}"}, 1, 'Succeeded', 0, 0, 0, 0, 0, {experiment}, 0)
                """, ct);
        }

        await migrator.MigrateAsync(cancellationToken: ct);

        var jobs = await db.Database.SqlQueryRaw<JobRow>("SELECT RunKey, Kind, Number FROM TrainingJobs ORDER BY Id").ToListAsync(ct);
        Assert.Equal(
            [new("a", "Training", 1), new("b", "Experiment", 1), new("c", "Training", 2), new("d", "Experiment", 2), new("e", "Training", 3)],
            jobs);
    }

    private sealed record JobRow(string RunKey, string Kind, int Number);
}
