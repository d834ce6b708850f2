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
        var raters = new List<RaterLoad.Rater>();
        for (var r = 0; r < Raters; r++)
        {
            var client = BrowserlessClient.Create(_factory);
            Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(client, names[r], Password)).StatusCode);
            raters.Add(new RaterLoad.Rater(names[r], ids[r], services, client));
        }

        var wall = Stopwatch.StartNew();
        var outcomes = await RaterLoad.RunAsync(raters, studyId, ThinkTime, ct);
        wall.Stop();

        var (count, p50, p95, max) = RaterLoad.Latency(outcomes);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{count} answers by {Raters} raters in {wall.Elapsed.TotalSeconds:0.0} s; submit to next image p50 {p50:0.0} ms, p95 {p95:0.0} ms, max {max:0.0} ms");
        await RaterLoad.AssertNothingLostOrDuplicatedAsync(services, studyId, raters, outcomes, perRater: 40 + 4, ct); // 40 items and 10% repeated
    }
}
