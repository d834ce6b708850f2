using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Data.Copy;
using MelanoGans.Server.Tests.Datasets;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Data.Copy;

/// <summary>
/// <c>db copy</c> moves a SQLite studio with data of every kind into PostgreSQL: the studio started on the copy gives
/// the same ratings export and statistics, its users sign in with their passwords, and a second copy into the now
/// non-empty database is refused. Skipped, with the reason printed, without a PostgreSQL server.
/// </summary>
public sealed class DbCopyTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _data = Directory.CreateTempSubdirectory("melanogans-copy-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Arguments_are_parsed_and_malformed_ones_refused_with_the_usage()
    {
        Assert.Null(DbCopyCommand.Parse(["admin", "reset", "x"]));
        var copy = DbCopyCommand.Parse(["db", "copy", "--from", "sqlite:studio.db", "--to", "postgres:Host=db;Database=studio;Password=secret"])!;
        Assert.Equal(Path.GetFullPath("studio.db"), copy.From.Display);
        Assert.DoesNotContain("secret", copy.To.Display);
        Assert.Contains(DbCopyCommand.Usage, Assert.Throws<ArgumentException>(() => DbCopyCommand.Parse(["db", "copy", "--from", "sqlite:a"])).Message);
        Assert.Contains("mysql", Assert.Throws<ArgumentException>(() => DbCopyCommand.Parse(["db", "copy", "--from", "mysql:x", "--to", "sqlite:y"])).Message);
        Assert.Contains("Database", Assert.Throws<ArgumentException>(() => DbCopyCommand.Parse(["db", "copy", "--from", "sqlite:a", "--to", "postgres:Host=db"])).Message);
    }

    [Fact]
    public async Task A_sqlite_studio_copied_to_postgres_gives_the_same_exports_and_statistics()
    {
        var server = await TestDatabase.RequirePostgresAsync();
        var sqlite = new Dictionary<string, string> { ["Studio:DataDirectory"] = _data, ["Studio:Database:Provider"] = "sqlite" };
        int studyId;
        string csv, statistics;
        await using (var source = new StudioFactory(sqlite))
        {
            studyId = await FillAsync(source);
            (csv, statistics) = await ReadAsync(source, studyId);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var database = "mgtest_copy_" + Guid.NewGuid().ToString("N")[..12];
        var target = TestDatabase.ConnectionString(server, database);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var command = DbCopyCommand.Parse(["db", "copy", "--from", $"sqlite:{Path.Combine(_data, "melanogans.db")}", "--to", $"postgres:{target}"])!;
            Assert.True(await command.RunAsync(output, error, Ct) == 0, output + "\n" + error);
            Assert.Contains("every count and checksum matches", output.ToString());
            Assert.Contains("AspNetUsers:", output.ToString());
            Assert.Contains("Answers:", output.ToString());

            var postgres = new Dictionary<string, string>
            {
                ["Studio:DataDirectory"] = _data, ["Studio:Database:Provider"] = "postgres", ["ConnectionStrings:Studio"] = target,
            };
            await using (var copy = new StudioFactory(postgres))
            {
                var (copiedCsv, copiedStatistics) = await ReadAsync(copy, studyId);
                Assert.Equal(csv, copiedCsv);
                Assert.Equal(statistics, copiedStatistics);
                await using var scope = copy.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("rater1"))!, StudyWorld.Password));
                Assert.True(await users.IsInRoleAsync((await users.FindByNameAsync("lead2"))!, Roles.Lead));
                // New rows continue after the copied keys.
                var (datasetId, _) = await StudySeed.AddSourcesAsync(copy.Services, reals: 1, fakes: 1, suffix: " after the copy");
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                Assert.True(datasetId > await db.Datasets.Where(d => d.Id != datasetId).MaxAsync(d => d.Id, Ct));
            }

            var again = new StringWriter();
            Assert.Equal(1, await command.RunAsync(new StringWriter(), again, Ct));
            Assert.StartsWith("db copy refused: ", again.ToString());
            Assert.Contains("not empty", again.ToString());
        }
        finally
        {
            await TestDatabase.DropDatabaseAsync(server, database);
        }
    }

    /// <summary>Users and roles, the phantom, a real dataset and a generated pool, the demo model, a started study with answers, keys.</summary>
    private static async Task<int> FillAsync(StudioFactory factory)
    {
        await PhantomDatasetTests.WaitReadyAsync(factory);
        var services = factory.Services;
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(services, reals: 8, fakes: 8);
        var rater1 = await StudySeed.AddUserAsync(services, "rater1", StudyWorld.Password, Roles.Rater);
        var rater2 = await StudySeed.AddUserAsync(services, "rater2", StudyWorld.Password, Roles.Rater);
        await StudySeed.AddUserAsync(services, "lead2", StudyWorld.Password, Roles.Lead);
        using (var client = factory.CreateClient()) (await client.GetAsync("/account/login", Ct)).EnsureSuccessStatusCode();

        int studyId;
        await using (var lead = ScopeAs.Create(services, "lead", Roles.Lead))
        {
            var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
            var (created, id) = await admin.CreateAsync(new StudySetup
            {
                Name = "Copied study", RealDatasetId = datasetId, RealCount = 4,
                Pools = [new StudyPoolCount { PoolId = poolId, Count = 4 }],
                PresentationSize = 48, RaterIds = [rater1, rater2], RepeatShare = 0.25,
            });
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            Assert.True((await admin.StartAsync(id)).Succeeded);
            studyId = id;
        }
        foreach (var rater in new[] { "rater1", "rater2" })
        {
            for (var i = 0; ; i++)
            {
                await using var scope = ScopeAs.Create(services, rater, Roles.Rater);
                var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
                if (await session.GetStepAsync(studyId, Ct) is not { ImageUrl: not null } step || (rater == "rater2" && i == 6)) break;
                var answer = new AnswerSubmission(studyId, step.Position, 1 + (i * 5 + rater.Length) % 6,
                    i % 3 == 0 ? ["implausible border"] : [], i % 4 == 0 ? $"comment {i}, with \"quotes\"" : null,
                    DateTimeOffset.UtcNow.AddSeconds(-3), 1000 + 37 * i);
                Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(answer)).Outcome);
            }
        }
        return studyId;
    }

    private static async Task<(string Csv, string Statistics)> ReadAsync(StudioFactory factory, int studyId)
    {
        await using var lead = ScopeAs.Create(factory.Services, "lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(studyId, Ct);
        Assert.NotEmpty(rows);
        var dashboard = await lead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(studyId, Ct);
        return (RatingsCsv.ToCsv(rows), StudyReportJson.Serialize(dashboard!.Report));
    }
}
