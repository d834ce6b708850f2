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
/// Raters answering one study at once, for the load tests: each through their own service scope (as each circuit
/// has) on the instance they are signed in to, fetching every next image over HTTP with their own cookie. Every
/// tenth answer is sent twice at once, like a double press. The time from submit to next image (commit, next step,
/// image bytes) is measured per answer.
/// </summary>
internal static class RaterLoad
{
    public sealed record Rater(string Name, string Id, IServiceProvider Services, HttpClient Http);

    public sealed record Outcome(List<int> Sent, List<double> Latencies);

    /// <summary>Every rater answers every place, each starting within the first think time; the outcomes in rater order.</summary>
    public static async Task<Outcome[]> RunAsync(IReadOnlyList<Rater> raters, int studyId, TimeSpan think, CancellationToken ct) =>
        await Task.WhenAll(raters.Select((rater, r) => Task.Run(async () =>
        {
            // Raters arrive spread over one think time, not at the same millisecond.
            await Task.Delay(think * r / raters.Count, ct);
            return await RateAllAsync(rater, studyId, think, ct);
        }, ct)));

    /// <summary>"N answers by R raters: p50, p95, max" over every answer but each rater's first (the warm-up).</summary>
    public static (int Count, double P50, double P95, double Max) Latency(IEnumerable<Outcome> outcomes)
    {
        var latencies = outcomes.SelectMany(o => o.Latencies.Skip(1)).Order().ToList();
        return (latencies.Count, latencies[latencies.Count / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1], latencies[^1]);
    }

    /// <summary>Asserts that the stored answers are exactly the ones sent: none lost, none duplicated, each rater's in order.</summary>
    public static async Task AssertNothingLostOrDuplicatedAsync(IServiceProvider services, int studyId, IReadOnlyList<Rater> raters, Outcome[] outcomes, int perRater, CancellationToken ct)
    {
        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<StudioDbContext>();
        var stored = await db.Set<Answer>().AsNoTracking().Where(a => a.StudyId == studyId).ToListAsync(ct);
        Assert.Equal(raters.Count * perRater, stored.Count);
        Assert.Equal(stored.Count, stored.Select(a => (a.RaterId, a.ItemId, a.RepeatIndex)).Distinct().Count());
        for (var r = 0; r < raters.Count; r++)
        {
            var mine = stored.Where(a => a.RaterId == raters[r].Id).OrderBy(a => a.Position).Select(a => a.Response);
            Assert.Equal(outcomes[r].Sent, mine);
        }
    }

    private static async Task<Outcome> RateAllAsync(Rater rater, int studyId, TimeSpan think, CancellationToken ct)
    {
        var sent = new List<int>();
        var latencies = new List<double>();
        // One scope for the whole session, as a Blazor circuit keeps its scoped services.
        await using var scope = ScopeAs.Create(rater.Services, rater.Name, Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        var step = (await session.GetStepAsync(studyId, ct))!;
        while (!step.Finished)
        {
            var response = 1 + (step.Position * 7 + rater.Name.Length) % 6;
            var answer = new AnswerSubmission(studyId, step.Position, response, [], null, DateTimeOffset.UtcNow, 800);
            var clock = Stopwatch.StartNew();
            SubmitResult result;
            if (step.Position % 10 == 0)
            {
                // A double press: a second circuit of the same rater sends the same answer at the same time.
                await using var twin = ScopeAs.Create(rater.Services, rater.Name, Roles.Rater);
                var both = await Task.WhenAll(session.SubmitAsync(answer), twin.ServiceProvider.GetRequiredService<IRatingSession>().SubmitAsync(answer));
                Assert.Single(both, b => b.Outcome == SubmitOutcome.Saved);
                result = both[0];
            }
            else
            {
                result = await session.SubmitAsync(answer);
            }
            Assert.True(result.Advances, result.Message);
            // As the page: the saved answer brought the next step; after a refused twin, ask.
            step = result.Next ?? (await session.GetStepAsync(studyId, ct))!;
            if (step.ImageUrl is not null)
            {
                var image = await rater.Http.GetAsync(step.ImageUrl, ct);
                Assert.Equal(HttpStatusCode.OK, image.StatusCode);
                await image.Content.ReadAsByteArrayAsync(ct);
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            sent.Add(response);
            // A rater looks at each image before answering; nobody answers 30 images a second.
            await Task.Delay(think, ct);
        }
        return new Outcome(sent, latencies);
    }
}
