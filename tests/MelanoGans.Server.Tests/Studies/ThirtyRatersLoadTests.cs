using System.Diagnostics;
using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Issue 6's concurrency acceptance: 30 raters answer one study at once, each through their own service
/// scope (as each circuit has) and fetching every next image over HTTP with their own cookie (the
/// in-memory test server: the full ASP.NET Core pipeline without the TCP stack).
/// Every tenth answer is sent twice at once, like a double press. Nothing may be lost or duplicated. The
/// time from submit to next image (commit, next step, image bytes) is measured and printed, not asserted:
/// speed is judged by the benchmark in docs/benchmarks.md, not by a timed test on a shared machine.
/// Each rater pauses 500 ms per image (far quicker than a person) so the load is 30 busy raters rather than
/// 30 loops that never look at an image.
/// </summary>
[Collection(nameof(LoadTestCollection))]
public sealed class ThirtyRatersLoadTests : IAsyncLifetime
{
    private const int Raters = 30;
    private const string Password = "Strong-Pass-7";
    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(500);
    private readonly StudioFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Thirty_raters_at_once_lose_and_duplicate_nothing_and_the_latency_is_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = _factory.Services;
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(services, reals: 20, fakes: 20);
        var names = Enumerable.Range(1, Raters).Select(i => $"load{i:00}").ToList();
        var ids = new List<string>();
        foreach (var name in names) ids.Add(await StudySeed.AddUserAsync(services, name, Password, Roles.Rater));
        await StudySeed.AddUserAsync(services, "loadlead", Password, Roles.Lead);
        int studyId;
        await using (var lead = ScopeAs.Create(services, "loadlead", Roles.Lead))
        {
            var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
            var (created, id) = await admin.CreateAsync(new StudySetup
            {
                Name = "Load", RealDatasetId = datasetId, RealCount = 20,
                Pools = [new StudyPoolCount { PoolId = poolId, Count = 20 }], PresentationSize = 64, RaterIds = ids,
            });
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            Assert.True((await admin.StartAsync(id)).Succeeded);
            studyId = id;
        }
        var clients = new List<HttpClient>();
        foreach (var name in names)
        {
            var client = BrowserlessClient.Create(_factory);
            Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(client, name, Password)).StatusCode);
            clients.Add(client);
        }

        var wall = Stopwatch.StartNew();
        var results = await Task.WhenAll(names.Select((name, r) => Task.Run(async () =>
        {
            // Raters arrive spread over one think time, not at the same millisecond.
            await Task.Delay(ThinkTime * r / Raters, ct);
            return await RateAllAsync(name, clients[r], studyId, ct);
        }, ct)));
        wall.Stop();

        // Each rater's first answer is the warm-up (JIT of the path, the circuit's first read of the items).
        var latencies = results.SelectMany(r => r.Latencies.Skip(1)).Order().ToList();
        var p50 = latencies[latencies.Count / 2];
        var p95 = latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{latencies.Count} answers by {Raters} raters in {wall.Elapsed.TotalSeconds:0.0} s; submit to next image p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {latencies[^1]:0.0} ms");

        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<StudioDbContext>();
        var stored = await db.Set<Answer>().Where(a => a.StudyId == studyId).ToListAsync(ct);
        var perRater = 40 + 4; // 40 items and 10% of them repeated
        Assert.Equal(Raters * perRater, stored.Count);
        Assert.Equal(stored.Count, stored.Select(a => (a.RaterId, a.ItemId, a.RepeatIndex)).Distinct().Count());
        for (var r = 0; r < Raters; r++)
        {
            var mine = stored.Where(a => a.RaterId == ids[r]).OrderBy(a => a.Position).Select(a => a.Response);
            Assert.Equal(results[r].Sent, mine);
        }
    }

    private async Task<(List<int> Sent, List<double> Latencies)> RateAllAsync(string rater, HttpClient http, int studyId, CancellationToken ct)
    {
        var sent = new List<int>();
        var latencies = new List<double>();
        // One scope for the whole session, as a Blazor circuit keeps its scoped services.
        await using var scope = ScopeAs.Create(_factory.Services, rater, Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(studyId, ct))!;
        while (!step.Finished)
        {
            var response = 1 + (step.Position * 7 + rater.Length) % 6;
            var answer = new AnswerSubmission(studyId, step.Position, response, [], null, DateTimeOffset.UtcNow, 800);
            var clock = Stopwatch.StartNew();
            SubmitResult result;
            if (step.Position % 10 == 0)
            {
                // A double press: a second circuit of the same rater sends the same answer at the same time.
                await using var twin = ScopeAs.Create(_factory.Services, rater, Roles.Rater);
                var both = await Task.WhenAll(session.SubmitAsync(answer), twin.ServiceProvider.GetRequiredService<IRatingSession>().SubmitAsync(answer));
                Assert.Single(both, b => b.Outcome == SubmitOutcome.Saved);
                result = both[0];
            }
            else
            {
                result = await session.SubmitAsync(answer);
            }
            Assert.True(result.Advances, result.Message);
            step = (await session.GetStepAsync(studyId, ct))!;
            if (step.ImageUrl is not null)
            {
                var image = await http.GetAsync(step.ImageUrl, ct);
                Assert.Equal(HttpStatusCode.OK, image.StatusCode);
                await image.Content.ReadAsByteArrayAsync(ct);
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            sent.Add(response);
            // A rater looks at each image before answering; nobody answers 30 images a second.
            await Task.Delay(ThinkTime, ct);
        }
        return (sent, latencies);
    }
}
