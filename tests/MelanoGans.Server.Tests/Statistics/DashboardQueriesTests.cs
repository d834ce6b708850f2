using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Statistics;

/// <summary>
/// An open dashboard refreshes after every answer of its study. Served from the cache, a refresh costs two queries
/// (the caller's account, and the study's stamp with the lead check), and still shows the newest answer.
/// </summary>
public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_cached_refresh_costs_two_queries_and_an_answer_shows_at_the_next_refresh()
    {
        var id = await _world.StartedStudyAsync();
        await AnswerAsync(id, 3);
        using var queries = new QueryCounter(_world.Factory.DataDirectory);
        await using var lead = _world.As("lead", Roles.Lead);
        var statistics = lead.ServiceProvider.GetRequiredService<IStudyStatistics>();

        LiveStudyDashboard? live = null;
        var first = await queries.CountAsync(async () => live = await statistics.LiveAsync(id, Ct));
        Assert.Equal(3, live!.Study.Answers);
        Assert.Equal(3, live.Dashboard.Report.Raters.Single().Classification.Answers);

        var cached = await queries.CountAsync(async () => live = await statistics.LiveAsync(id, Ct));
        Assert.Equal(2, cached);
        Assert.True(first > cached, $"a computation reads the study and its rows: {first} queries");

        // Another rater's answer (another scope, as another circuit): the stamp changes, the next refresh shows it.
        await AnswerAsync(id, 1, "rater2");
        live = await statistics.LiveAsync(id, Ct);
        Assert.Equal(4, live!.Study.Answers);
        Assert.Equal(2, live.Dashboard.Report.RaterCount);
        Assert.Equal(2, await queries.CountAsync(() => statistics.LiveAsync(id, Ct)));
    }

    private async Task AnswerAsync(int studyId, int answers, string rater = "rater1")
    {
        await using var scope = _world.As(rater, Roles.Rater);
        var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
        for (var i = 0; i < answers; i++)
        {
            var step = (await session.GetStepAsync(studyId, Ct))!;
            var saved = await session.SubmitAsync(new(studyId, step.Position, 1 + i % 6, [], null, DateTimeOffset.UtcNow.AddSeconds(-2), 1500));
            Assert.Equal(SubmitOutcome.Saved, saved.Outcome);
        }
    }
}
