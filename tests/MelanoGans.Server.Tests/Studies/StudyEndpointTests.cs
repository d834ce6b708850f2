using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>Study images and ratings exports over HTTP, with the cookie of a real sign-in.</summary>
public sealed class StudyEndpointTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Study_images_are_served_only_to_assigned_raters_of_an_open_study()
    {
        var id = await _world.StartedStudyAsync();
        string url;
        await using (var scope = _world.As("rater1", Roles.Rater))
            url = (await scope.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(id, TestContext.Current.CancellationToken))!.ImageUrl!;
        Assert.Matches("^/study-images/[A-Za-z0-9_-]{32}$", url);

        var rater1 = await _world.SignedInClientAsync("rater1");
        var ok = await rater1.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/png", ok.Content.Headers.ContentType?.MediaType);
        var png = await ok.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((48, 48), (Shared.Imaging.ImageCodec.Decode(png).Width, Shared.Imaging.ImageCodec.Decode(png).Height));

        var rater3 = await _world.SignedInClientAsync("rater3");
        Assert.Equal(HttpStatusCode.NotFound, (await rater3.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        var anonymous = BrowserlessClient.Create(_world.Factory);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rater1.GetAsync("/study-images/" + new string('A', 32), TestContext.Current.CancellationToken)).StatusCode);

        await using (var lead = _world.As("lead", Roles.Lead))
            await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().PauseAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await rater1.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Leads_export_the_ratings_table_as_csv_and_json_and_raters_cannot()
    {
        var id = await _world.StartedStudyAsync();
        await using (var scope = _world.As("rater1", Roles.Rater))
        {
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(id, TestContext.Current.CancellationToken))!;
            await session.SubmitAsync(new(id, step.Position, 5, ["implausible hair", "other"], "=cmd", DateTimeOffset.UtcNow, 0));
        }

        var lead = await _world.SignedInClientAsync("lead");
        var csv = await lead.GetStringAsync($"/api/studies/{id}/ratings.csv", TestContext.Current.CancellationToken);
        var read = RatingsCsv.Read(new StringReader(csv));
        Assert.Empty(read.Errors);
        var row = Assert.Single(read.Rows);
        Assert.Equal(("rater1", 5, "implausible hair;other"), (row.Rater, row.Response, string.Join(';', row.Tags)));

        var json = await lead.GetStringAsync($"/api/studies/{id}/ratings.json", TestContext.Current.CancellationToken);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(json, "^\\[\\{\"study\":\"Turing test\",\"rater\":\"rater1\",\"item\":\"[^\"]+\",\"source\":\"[^\"]+\",\"truth\":\"(real|fake)\",\"response\":5,\"tags\":\\[\"implausible hair\",\"other\"\\],\"is_repeat\":false,\"started_at\":\"[^\"]+\",\"answered_at\":\"[^\"]+\",\"active_ms\":0,\"mode\":\"untimed\",\"exposure_ms\":null,\"is_practice\":false,\"is_catch\":false,\"chosen\":null\\}\\]$"), json);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/studies/999/ratings.csv", TestContext.Current.CancellationToken)).StatusCode);

        var rater = await _world.SignedInClientAsync("rater1");
        Assert.NotEqual(HttpStatusCode.OK, (await rater.GetAsync($"/api/studies/{id}/ratings.csv", TestContext.Current.CancellationToken)).StatusCode);
    }
}
