using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Images;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>Study set-up, freezing and life cycle against the real SQLite database and image store.</summary>
public sealed class StudyAdministrationTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    public async ValueTask InitializeAsync() => _world = await StudyWorld.CreateAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Asking_for_more_items_than_the_sources_hold_is_refused_at_set_up_with_a_clear_message()
    {
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();

        var (tooManyReals, _) = await admin.CreateAsync(_world.Setup(reals: 13));
        var filtered = _world.Setup(reals: 7);
        filtered.RealLabel = "melanoma";
        var (tooManyMelanomas, _) = await admin.CreateAsync(filtered);
        var (tooManyFakes, _) = await admin.CreateAsync(_world.Setup(fakes: 20));

        Assert.Contains("13 real images requested, but Phantom reals holds only 12", Assert.Single(tooManyReals.Errors));
        Assert.Contains("holds only 6 with class melanoma", Assert.Single(tooManyMelanomas.Errors));
        Assert.Contains("20 images requested from DCGAN pool, but it holds only 12", Assert.Single(tooManyFakes.Errors));
        Assert.Empty(await admin.ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Starting_freezes_re_encoded_items_with_opaque_tokens_and_the_set_up_can_no_longer_change()
    {
        var id = await _world.StartedStudyAsync();
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var db = lead.ServiceProvider.GetRequiredService<StudioDbContext>();
        var store = lead.ServiceProvider.GetRequiredService<ImageStore>();

        var items = await db.Set<StudyItem>().Where(i => i.StudyId == id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(6, items.Count(i => i.Truth == RatingTruth.Real));
        Assert.Equal(6, items.Count(i => i.Truth == RatingTruth.Fake));
        Assert.Equal(12, items.Select(i => i.Token).Distinct().Count());
        foreach (var item in items)
        {
            Assert.True(StudyTokens.IsToken(item.Token));
            Assert.DoesNotContain(item.Token, item.Sha256 + item.SourceSha256, StringComparison.OrdinalIgnoreCase);
            var image = ImageCodec.Decode(await store.ReadAsync(item.Sha256, TestContext.Current.CancellationToken));
            Assert.Equal((48, 48), (image.Width, image.Height));
            Assert.NotEqual(item.SourceSha256, item.Sha256);
        }
        Assert.Equal(["dcgan-test", "Phantom reals"], items.Select(i => i.Source).Distinct().Order());

        var changed = _world.Setup(reals: 2);
        Assert.Contains("was started by", Assert.Single((await admin.UpdateAsync(id, changed)).Errors));
        Assert.False((await admin.StartAsync(id)).Succeeded);
        Assert.Equal(12, await db.Set<StudyItem>().CountAsync(i => i.StudyId == id, TestContext.Current.CancellationToken));
        var summary = Assert.Single(await admin.ListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((StudyState.Open, 6, 6, 2), (summary.State, summary.RealCount, summary.FakeCount, summary.RaterCount));
        // 12 items plus one repeat (10% of 12, rounded) for each of the two raters.
        Assert.Equal(26, summary.ExpectedAnswers);
    }

    [Fact]
    public async Task A_draft_can_be_edited_then_paused_reopened_closed_and_cloned_into_a_new_draft()
    {
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await admin.CreateAsync(_world.Setup());
        var edited = _world.Setup(reals: 4, fakes: 8);
        edited.ArtifactTags = ["grid", "blotches"];
        Assert.True((await admin.UpdateAsync(id, edited)).Succeeded);
        Assert.False((await admin.PauseAsync(id)).Succeeded);

        Assert.True((await admin.StartAsync(id)).Succeeded);
        Assert.True((await admin.PauseAsync(id)).Succeeded);
        Assert.False((await admin.PauseAsync(id)).Succeeded);
        Assert.True((await admin.ResumeAsync(id)).Succeeded);
        Assert.True((await admin.CloseAsync(id)).Succeeded);
        Assert.False((await admin.ResumeAsync(id)).Succeeded);

        var (cloned, cloneId) = await admin.CloneAsync(id);
        Assert.True(cloned.Succeeded);
        var copy = await admin.GetSetupAsync(cloneId, TestContext.Current.CancellationToken);
        Assert.NotNull(copy);
        Assert.Equal(("Turing test (copy)", 4, 8), (copy.Name, copy.RealCount, copy.FakeCount));
        Assert.Equal(["grid", "blotches"], copy.ArtifactTags);
        Assert.Equal(new[] { _world.Rater1Id, _world.Rater2Id }.Order(), copy.RaterIds.Order());
        var states = (await admin.ListAsync(TestContext.Current.CancellationToken)).ToDictionary(s => s.Id, s => s.State);
        Assert.Equal(StudyState.Closed, states[id]);
        Assert.Equal(StudyState.Draft, states[cloneId]);
    }

    [Fact]
    public async Task A_study_left_starting_by_a_stopped_server_is_a_draft_again_and_starts()
    {
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (created, id) = await admin.CreateAsync(_world.Setup());
        Assert.True(created.Succeeded);
        // What a kill in the middle of freezing leaves: the claimed state, and no items (they are saved with Open).
        await using (var scope = _world.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StudioDbContext>().Set<Study>().Where(s => s.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, StudyState.Starting), TestContext.Current.CancellationToken);
        }
        Assert.False((await admin.StartAsync(id)).Succeeded);

        await _world.Factory.Services.RecoverWhatStoppedServersLeftAsync();

        var started = await admin.StartAsync(id);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        await using var check = _world.Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.Equal(StudyState.Open, await db.Set<Study>().Where(s => s.Id == id).Select(s => s.State).SingleAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.Set<StudyItem>().CountAsync(i => i.StudyId == id, TestContext.Current.CancellationToken) >= 12);
    }

    [Fact]
    public async Task A_lead_adds_a_rater_to_an_open_study_who_then_rates_its_frozen_items()
    {
        var id = await _world.StartedStudyAsync();
        await using var lead = _world.As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var rater3 = (await admin.GetSetupOptionsAsync(TestContext.Current.CancellationToken)).Raters.Single(r => r.UserName == "rater3").Id;
        await using (var before = _world.As("rater3", Roles.Rater))
        {
            Assert.Empty(await before.ServiceProvider.GetRequiredService<IRatingSession>().ListAssignedAsync(TestContext.Current.CancellationToken));
        }

        var added = await admin.AddRatersAsync(id, [rater3, _world.Rater1Id]);

        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        Assert.Equal(3, (await admin.ListAsync(TestContext.Current.CancellationToken)).Single(s => s.Id == id).RaterCount);
        await using (var after = _world.As("rater3", Roles.Rater))
        {
            var session = after.ServiceProvider.GetRequiredService<IRatingSession>();
            Assert.Equal(id, Assert.Single(await session.ListAssignedAsync(TestContext.Current.CancellationToken)).Id);
            Assert.NotNull(await session.GetStepAsync(id, TestContext.Current.CancellationToken));
        }

        Assert.Contains("not in the study yet", Assert.Single((await admin.AddRatersAsync(id, [rater3])).Errors));
        Assert.Contains("Rater role", Assert.Single((await admin.AddRatersAsync(id, ["no-such-user"])).Errors));
        Assert.True((await admin.CloseAsync(id)).Succeeded);
        Assert.Contains("open or paused", Assert.Single((await admin.AddRatersAsync(id, [rater3])).Errors));
        await using var rater = _world.As("rater1", Roles.Rater);
        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => rater.ServiceProvider.GetRequiredService<IStudyAdministration>().AddRatersAsync(id, [rater3]));
    }

    [Fact]
    public async Task New_studies_get_the_default_taxonomy_ten_percent_repeats_and_no_feedback()
    {
        var setup = new StudySetup();
        Assert.Equal(10, setup.ArtifactTags.Count);
        Assert.Equal("checkerboard or grid pattern", setup.ArtifactTags[0]);
        Assert.Equal("other", setup.ArtifactTags[^1]);
        Assert.Equal(0.10, setup.RepeatShare);
        Assert.False(setup.Feedback);

        await using var lead = _world.As("lead", Roles.Lead);
        var options = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().GetSetupOptionsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["rater1", "rater2", "rater3"], options.Raters.Select(r => r.UserName));
        Assert.Equal(12, Assert.Single(options.Datasets, d => d.Id == _world.DatasetId).Available(null));
        Assert.Equal(12, Assert.Single(options.Pools).Count);
    }

    [Fact]
    public async Task Raters_cannot_manage_studies_and_only_raters_can_be_assigned()
    {
        await using var rater = _world.As("rater1", Roles.Rater);
        var asRater = rater.ServiceProvider.GetRequiredService<IStudyAdministration>();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asRater.ListAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asRater.CreateAsync(_world.Setup()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => asRater.GetRatingsAsync(1, TestContext.Current.CancellationToken));

        await using var lead = _world.As("lead", Roles.Lead);
        var setup = _world.Setup();
        var leadId = (await lead.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByNameAsync("lead"))!.Id;
        setup.RaterIds.Add(leadId);
        var (result, _) = await lead.ServiceProvider.GetRequiredService<IStudyAdministration>().CreateAsync(setup);
        Assert.Contains("Rater role", Assert.Single(result.Errors));
    }
}
