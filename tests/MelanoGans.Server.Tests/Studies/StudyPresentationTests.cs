using System.Net;
using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Like-for-like presentation (issue 14): no source upscaled without a recorded override, one filter, and every image
/// a rater receives of one length and encoding. The world's reals are 96 px, its fakes (model dcgan-test) 64 px.
/// </summary>
public sealed class StudyPresentationTests : IAsyncLifetime
{
    private const string Upscaled = "the fakes from dcgan-test would be upscaled from 64 to 96 px, a visible giveaway";

    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_set_up_that_would_upscale_a_source_is_refused_with_the_reason_and_downscaling_is_allowed()
    {
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var upscaling = _world.Setup();
        upscaling.PresentationSize = 96;

        var (refused, _) = await admin.CreateAsync(upscaling);

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains(Upscaled, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(refused.Errors, e => e.Contains("Choose 64 px"));
        Assert.Empty(await admin.ListAsync(Ct));
        var (downscaled, id) = await admin.CreateAsync(_world.Setup()); // 48 px: both sources downscaled
        Assert.True(downscaled.Succeeded, string.Join(" ", downscaled.Errors));

        // Saving the draft at an upscaling size is refused the same way.
        var edit = (await admin.GetSetupAsync(id, Ct))!;
        edit.PresentationSize = 96;
        var saved = await admin.UpdateAsync(id, edit);
        Assert.Contains(saved.Errors, e => e.Contains(Upscaled, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Start_refuses_a_draft_that_would_upscale_a_source_and_freezes_nothing()
    {
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await admin.CreateAsync(_world.Setup());
        // A draft saved before the rule existed.
        var db = lead.ServiceProvider.GetRequiredService<StudioDbContext>();
        await db.Set<Study>().Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.PresentationSize, 96), Ct);

        var started = await admin.StartAsync(id);

        Assert.False(started.Succeeded);
        Assert.Contains(started.Errors, e => e.Contains(Upscaled, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await db.Set<StudyItem>().CountAsync(i => i.StudyId == id, Ct));
    }

    [Fact]
    public async Task An_override_needs_a_reason_is_recorded_with_who_and_when_and_is_shown_on_the_dashboard_and_exports()
    {
        var setup = _world.Setup();
        setup.PresentationSize = 96;
        setup.AllowUpscaling = true;
        await using (var lead = _world.As("lead", Roles.Lead))
        {
            var (noReason, _) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(setup);
            Assert.Contains(noReason.Errors, e => e.Contains("Say why upscaling is acceptable"));
        }
        setup.UpscalingReason = "Replicating the 2018 study's 96 px presentation";
        var id = await _world.StartedStudyAsync(setup);

        await using var scope = _world.As("lead", Roles.Lead);
        var study = await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Study>().SingleAsync(s => s.Id == id, Ct);
        Assert.Equal(("Replicating the 2018 study's 96 px presentation", "lead", Upscaled),
            (study.UpscalingReason, study.UpscalingAllowedBy, study.UpscaledSources));
        Assert.NotNull(study.UpscalingAllowedAt);
        var setupAgain = (await scope.ServiceProvider.GetRequiredService<IStudyAdministration>().GetSetupAsync(id, Ct))!;
        Assert.True(setupAgain.AllowUpscaling);

        var info = await scope.ServiceProvider.GetRequiredService<IStudyStatistics>().StudyAsync(id, Ct);
        Assert.Contains("Not like-for-like", info!.PresentationWarning);
        Assert.Contains(Upscaled, info.PresentationWarning);
        Assert.Contains("Allowed by lead", info.PresentationWarning);
        Assert.Contains("Replicating the 2018 study", info.PresentationWarning);

        var client = await _world.SignedInClientAsync("lead");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/studies/{id}/presentation.json", Ct));
        var root = json.RootElement;
        Assert.False(root.GetProperty("like_for_like").GetBoolean());
        Assert.Equal("bicubic", root.GetProperty("resize_filter").GetString());
        Assert.Equal(StoredPng.EncodedLength(96, 96), root.GetProperty("image_bytes").GetInt64());
        Assert.Equal("lead", root.GetProperty("upscaling_override").GetProperty("allowed_by").GetString());
        Assert.Equal(info.PresentationWarning, root.GetProperty("warning").GetString());
        Assert.Equal([(96, false), (64, true)], root.GetProperty("sources").EnumerateArray()
            .Select(s => (s.GetProperty("native_resolution").GetInt32(), s.GetProperty("upscaled").GetBoolean())));
        // The ratings CSV stays the table `melanogans stats` reads; the warning travels in presentation.json.
        var csv = await client.GetStringAsync($"/api/studies/{id}/ratings.csv", Ct);
        Assert.StartsWith(Shared.Statistics.RatingsCsv.Header, csv);
    }

    [Fact]
    public async Task A_like_for_like_study_has_no_warning()
    {
        var id = await _world.StartedStudyAsync();
        await using var scope = _world.As("lead", Roles.Lead);
        Assert.Null((await scope.ServiceProvider.GetRequiredService<IStudyStatistics>().StudyAsync(id, Ct))!.PresentationWarning);
        var client = await _world.SignedInClientAsync("lead");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/studies/{id}/presentation.json", Ct));
        Assert.True(json.RootElement.GetProperty("like_for_like").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("warning").ValueKind);
    }

    [Fact]
    public async Task Every_image_a_rater_receives_has_the_same_length_encoding_and_headers()
    {
        var id = await _world.StartedStudyAsync();
        var client = await _world.SignedInClientAsync("rater1");
        var responses = new List<(HttpResponseMessage Response, byte[] Body)>();
        for (var i = 0; i < 13; i++)
        {
            await using var scope = _world.As("rater1", Roles.Rater);
            var session = scope.ServiceProvider.GetRequiredService<IRatingSession>();
            var step = (await session.GetStepAsync(id, Ct))!;
            var response = await client.GetAsync(step.ImageUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            responses.Add((response, await response.Content.ReadAsByteArrayAsync(Ct)));
            await session.SubmitAsync(new(id, step.Position, 1 + i % 6, [], null, DateTimeOffset.UtcNow, 0));
        }

        // Reals (96 px photographs) and fakes (64 px) alike: one length, the stored PNG's for 48 px.
        Assert.Equal([StoredPng.EncodedLength(48, 48)], responses.Select(r => (long)r.Body.Length).Distinct());
        Assert.Equal([StoredPng.EncodedLength(48, 48)], responses.Select(r => r.Response.Content.Headers.ContentLength!.Value).Distinct());
        Assert.All(responses, r => Assert.Equal((48, 48), (ImageCodec.Decode(r.Body).Width, ImageCodec.Decode(r.Body).Height)));
        Assert.Single(responses.Select(r => Headers(r.Response)).Distinct());
        // Private: no shared cache keeps a study image (and each showing has a URL of its own).
        Assert.True(responses[0].Response.Headers.CacheControl!.Private);
        // Twelve distinct items, but every image pixel-identical only to itself: the reals and fakes were really different.
        Assert.True(responses.Select(r => Convert.ToHexString(r.Body)).Distinct().Count() >= 12);
    }

    // Every header but Date, names and values, in order.
    private static string Headers(HttpResponseMessage response) => string.Join("\n",
        response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}"));
}
