using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Tokens per rater and per showing (issue 14): two raters cannot tell they saw the same image, a repeat comes back
/// under a new URL, another rater's token is the same 404 as an unknown one, and the ratings table still names items.
/// </summary>
public sealed class RaterTokenTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<string>> WalkAsync(int studyId, string rater)
    {
        var urls = new List<string>();
        while (true)
        {
            await using var scope = _world.As(rater, Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(studyId, Ct))!;
            if (step.ImageUrl is null) return urls;
            urls.Add(step.ImageUrl);
            Assert.Equal(SubmitOutcome.Saved, (await session.SubmitAsync(new(studyId, step.Position, 2, [], null, DateTimeOffset.UtcNow, 0))).Outcome);
        }
    }

    [Fact]
    public async Task Each_showing_has_a_token_of_its_own_bound_to_its_rater_while_items_keep_one_id()
    {
        var id = await _world.StartedStudyAsync();
        var rater1 = await WalkAsync(id, "rater1");
        var rater2 = await WalkAsync(id, "rater2");

        // 12 items, one repeated: 13 showings, 13 different URLs; the two raters share none.
        Assert.Equal(13, rater1.Count);
        Assert.Equal(13, rater1.Distinct().Count());
        Assert.Equal(13, rater2.Distinct().Count());
        Assert.Empty(rater1.Intersect(rater2));
        Assert.All(rater1.Concat(rater2), u => Assert.Matches("^/study-images/[0-9a-f]{32}$", u));

        // The ratings table names the item, the same for both raters and for the repeat.
        await using var lead = _world.As("lead", Roles.Lead);
        var rows = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct);
        Assert.Equal(12, rows.Where(r => r.Rater == "rater1").Select(r => r.Item).Distinct().Count());
        Assert.Equal(rows.Where(r => r.Rater == "rater1").Select(r => r.Item).ToHashSet(), rows.Where(r => r.Rater == "rater2").Select(r => r.Item).ToHashSet());
        var repeat = rows.Single(r => r.Rater == "rater1" && r.IsRepeat);
        Assert.Single(rows, r => r.Rater == "rater1" && !r.IsRepeat && r.Item == repeat.Item);
        // Neither ids nor tokens start with what a CSV export would have to escape, so exports equal the URLs.
        Assert.All(rows.Select(r => r.Item).Concat(rater1.Select(u => u["/study-images/".Length..])),
            t => Assert.DoesNotMatch("^[-=+@]", t));
        Assert.Empty(rows.Select(r => r.Item).Intersect(rater1.Select(u => u["/study-images/".Length..])));
    }

    [Fact]
    public async Task Another_raters_token_is_the_same_404_as_an_unknown_one()
    {
        var id = await _world.StartedStudyAsync();
        string url;
        await using (var scope = _world.As("rater1", Roles.Rater))
            url = (await scope.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!.ImageUrl!;
        var rater1 = await _world.SignedInClientAsync("rater1");
        var rater2 = await _world.SignedInClientAsync("rater2");

        Assert.Equal(HttpStatusCode.OK, (await rater1.GetAsync(url, Ct)).StatusCode);
        var foreign = await rater2.GetAsync(url, Ct);
        var unknown = await rater2.GetAsync("/study-images/" + new string('a', 32), Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // The same not-found page (each render of it carries ids of its own) with the same headers.
        Assert.Equal(unknown.Content.Headers.ContentType, foreign.Content.Headers.ContentType);
        Assert.Equal(Names(unknown), Names(foreign));
    }

    [Fact]
    public async Task The_same_place_keeps_its_token_for_preloading_and_two_devices_agree_on_it()
    {
        var id = await _world.StartedStudyAsync();
        var steps = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = _world.As("rater1", Roles.Rater);
            return (await scope.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!;
        }));
        Assert.Single(steps.Select(s => s.ImageUrl).Distinct());
        Assert.Single(steps.Select(s => s.NextImageUrl).Distinct());

        await using var after = _world.As("rater1", Roles.Rater);
        var session = after.ServiceProvider.GetRequiredService<IRatingSession>();
        await session.SubmitAsync(new(id, steps[0].Position, 3, [], null, DateTimeOffset.UtcNow, 0));
        // The preloaded image is the one shown next.
        Assert.Equal(steps[0].NextImageUrl, (await session.GetStepAsync(id, Ct))!.ImageUrl);
    }

    [Fact]
    public async Task A_chosen_but_unsubmitted_answer_survives_closing_the_browser()
    {
        var id = await _world.StartedStudyAsync();
        RatingStep step;
        await using (var first = _world.As("rater1", Roles.Rater))
        {
            var session = first.ServiceProvider.GetRequiredService<IRatingSession>();
            step = (await session.GetStepAsync(id, Ct))!;
            Assert.Null(step.Draft);
            Assert.True((await session.SaveDraftAsync(new RatingDraft(id, step.Position, 5, ["implausible hair"], "hair looks painted"))).Succeeded);
            Assert.False((await session.SaveDraftAsync(new RatingDraft(id, step.Position + 1, 2, [], null))).Succeeded);
            Assert.False((await session.SaveDraftAsync(new RatingDraft(id, step.Position, 9, [], null))).Succeeded);
        }

        // Another circuit, as after closing the browser: the draft comes back with the resume point.
        await using (var later = _world.As("rater1", Roles.Rater))
        {
            var session = later.ServiceProvider.GetRequiredService<IRatingSession>();
            var resumed = (await session.GetStepAsync(id, Ct))!;
            Assert.Equal(step.ImageUrl, resumed.ImageUrl);
            Assert.Equal((step.Position, 5, "hair looks painted"), (resumed.Draft!.Position, resumed.Draft.Response, resumed.Draft.Comment));
            Assert.Equal(["implausible hair"], resumed.Draft.Tags);
            // A draft is never an answer: nothing in the ratings table until submitted.
            await using (var lead = _world.As("lead", Roles.Lead))
                Assert.Empty(await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(id, Ct));
            await session.SubmitAsync(new(id, resumed.Position, 5, ["implausible hair"], "hair looks painted", DateTimeOffset.UtcNow, 0));
            Assert.Null((await session.GetStepAsync(id, Ct))!.Draft);
        }

        // Drafts are per rater.
        await using var other = _world.As("rater2", Roles.Rater);
        Assert.Null((await other.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, Ct))!.Draft);
    }

    private static string Names(HttpResponseMessage response) => string.Join(",",
        response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order());
}
