using System.Diagnostics;
using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Issue 16's load benchmark: 200 raters answer one study at once, on one instance with SQLite, or split over two
/// instances of the real server on one PostgreSQL, one Redis and one data directory. Nothing may be lost or
/// duplicated; submit-to-next-image p50/p95/max is printed for docs/benchmarks.md. Explicit: a benchmark, not a test
/// of the suite (`dotnet test tests/MelanoGans.Server.Tests --filter FullyQualifiedName~ManyRatersBenchmark`, with
/// <see cref="TestDatabase.Variable"/> set for the PostgreSQL run).
/// </summary>
[Collection(nameof(LoadTestCollection))]
public sealed class ManyRatersBenchmark(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int Raters = 200;
    private const string Password = "Strong-Pass-7";
    // Three seconds an image: quicker than a clinician looks, 67 answers a second from 200 raters together.
    private static readonly TimeSpan ThinkTime = TimeSpan.FromSeconds(3);

    [Fact(Explicit = true)]
    public Task One_instance_on_sqlite() =>
        RunAsync(instances: 1, new Dictionary<string, string> { ["Studio:Database:Provider"] = "sqlite" });

    [Fact(Explicit = true)]
    public async Task Two_instances_on_postgres_and_redis()
    {
        var server = await TestDatabase.RequirePostgresAsync();
        redis.SkipIfMissing();
        await RunAsync(instances: 2, new Dictionary<string, string> { ["Studio:Redis"] = redis.ConnectionString }, server);
    }

    private static async Task RunAsync(int instances, Dictionary<string, string> settings, string? postgres = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("melanogans-bench-").FullName;
        settings["Studio:DataDirectory"] = data;
        settings["Studio:Models:RegisterDemo"] = "false";
        var factories = new List<StudioFactory>();
        try
        {
            // One after the other, as in TwoInstancesTests: the first creates the schema and the first admin.
            for (var i = 0; i < instances; i++)
            {
                // Each instance a connection pool of its own, as separate processes have, both within the server's
                // max_connections (100 by default): deployment.md, "Connections".
                if (postgres is not null)
                    settings["ConnectionStrings:Studio"] = TestDatabase.ConnectionString(postgres, TestDatabase.DatabaseName(data))
                        + $";Application Name=instance-{i};Maximum Pool Size=45;Timeout=60";
                var factory = new StudioFactory(settings);
                _ = factory.Server;
                factories.Add(factory);
            }
            var services = factories[0].Services;
            var (datasetId, poolId) = await StudySeed.AddSourcesAsync(services, reals: 10, fakes: 10);
            var names = Enumerable.Range(1, Raters).Select(i => $"bench{i:000}").ToList();
            var ids = new List<string>();
            foreach (var name in names) ids.Add(await StudySeed.AddUserAsync(services, name, Password, Roles.Rater));
            await StudySeed.AddUserAsync(services, "benchlead", Password, Roles.Lead);
            int studyId;
            await using (var lead = ScopeAs.Create(services, "benchlead", Roles.Lead))
            {
                var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
                var (created, id) = await admin.CreateAsync(new StudySetup
                {
                    Name = "Bench", RealDatasetId = datasetId, RealCount = 10,
                    Pools = [new StudyPoolCount { PoolId = poolId, Count = 10 }], PresentationSize = 64, RaterIds = ids,
                });
                Assert.True(created.Succeeded, string.Join(" ", created.Errors));
                Assert.True((await admin.StartAsync(id)).Succeeded);
                studyId = id;
            }

            // Rater r works on instance r mod n, signed in there.
            var raters = new List<RaterLoad.Rater>();
            for (var r = 0; r < Raters; r++)
            {
                var instance = factories[r % instances];
                var client = BrowserlessClient.Create(instance);
                Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(client, names[r], Password)).StatusCode);
                raters.Add(new RaterLoad.Rater(names[r], ids[r], instance.Services, client));
            }

            // Where a PostgreSQL tail comes from: what the studio's connections do, sampled while the raters work.
            var sampler = postgres is null ? null : new PgActivitySampler(settings["ConnectionStrings:Studio"]);
            var wall = Stopwatch.StartNew();
            var outcomes = await RaterLoad.RunAsync(raters, studyId, ThinkTime, ct);
            wall.Stop();
            if (sampler is not null)
            {
                await sampler.DisposeAsync();
                TestContext.Current.TestOutputHelper?.WriteLine(sampler.Summary());
            }

            var (count, p50, p95, max) = RaterLoad.Latency(outcomes);
            var provider = instances == 1 ? "1 instance, SQLite" : $"{instances} instances, PostgreSQL + Redis";
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{provider}: {count} answers by {Raters} raters in {wall.Elapsed.TotalSeconds:0.0} s; submit to next image p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {max:0.0} ms");
            await RaterLoad.AssertNothingLostOrDuplicatedAsync(services, studyId, raters, outcomes, perRater: 20 + 2, ct); // 20 items, 10% repeated
        }
        finally
        {
            foreach (var factory in factories.AsEnumerable().Reverse()) await factory.DisposeAsync();
            await TestDatabase.DropAsync(data);
            try { Directory.Delete(data, recursive: true); }
            catch (IOException) { /* the OS cleans temp */ }
        }
    }
}
