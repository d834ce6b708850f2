using MelanoGans.Server.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Datasets;

/// <summary>A database from before the unique (dataset, image) index migrates: the first copy stays, the rest are reported.</summary>
public sealed class UniqueImageMigrationTests : IDisposable
{
    private const string Before = "20261202050906_WorkerJobKinds";
    private readonly string _dir = Directory.CreateTempSubdirectory("melanogans-migrate-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Duplicate_rows_keep_the_lowest_id_and_the_rest_are_listed_as_skipped()
    {
        var options = new DbContextOptionsBuilder<StudioDbContext>().UseSqlite($"Data Source={Path.Combine(_dir, "studio.db")}").Options;
        await using var db = new StudioDbContext(options);
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
        await migrator.MigrateAsync(Before, Ct);
        // Two content addresses (64 digits from printf) in fixed SQL text: no values are spliced in.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Datasets (Id, Name, Kind, Resolution, State, ExpectedCount, CreatedAt) VALUES (1, 'Old', 'LabelledFolder', 32, 'Ready', 4, 0), (2, 'Other', 'LabelledFolder', 32, 'Ready', 1, 0);", Ct);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO DatasetImages (Id, DatasetId, Sha256, Label, Origin) VALUES
                (1, 1, printf('%064d', 1), 'nevus', 'good2.png'), (2, 1, printf('%064d', 2), 'nevus', 'other.png'),
                (3, 1, printf('%064d', 1), 'nevus', 'GOOD2.PNG'), (4, 2, printf('%064d', 1), 'nevus', 'elsewhere.png');
            """, Ct);

        await migrator.MigrateAsync(cancellationToken: Ct);

        Assert.Equal([1L, 2L, 4L], await db.DatasetImages.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
        var skip = await db.DatasetSkips.SingleAsync(Ct);
        Assert.Equal((1, "GOOD2.PNG", "the same image as good2.png"), (skip.DatasetId, skip.Item, skip.Reason));
    }
}
