using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// Two leads on the same study (its owner and a co-lead), each in a scope of their own as two circuits are: a change
/// made from an older copy is refused with who changed the study and when, never saved over the other's.
/// </summary>
public sealed class ConcurrentStudyChangesTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StudyWorld.CreateAsync();
        await StudySeed.AddUserAsync(_world.Factory.Services, "lead2", StudyWorld.Password, Roles.Lead);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData(StudyState.Open)]
    [InlineData(StudyState.Closed)]
    public async Task Saving_an_editor_opened_before_another_lead_started_or_closed_the_study_is_refused(StudyState byOther)
    {
        await using var lead1 = _world.As("lead", Roles.Lead);
        await using var lead2 = _world.As("lead2", Roles.Lead);
        var first = lead1.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var second = lead2.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await first.CreateAsync(_world.Setup());
        await _world.ShareAsync(id, "lead2");
        var editor = (await first.GetSetupAsync(id, Ct))!;

        var acted = byOther == StudyState.Open ? await second.StartAsync(id) : await second.CloseAsync(id);
        Assert.True(acted.Succeeded, string.Join(" ", acted.Errors));
        editor.Name = "Renamed";
        editor.RaterIds = [_world.Rater1Id];
        var saved = await first.UpdateAsync(id, editor);

        Assert.False(saved.Succeeded);
        var verb = byOther == StudyState.Open ? "started" : "closed";
        Assert.Matches($@"^This study was {verb} by lead2 at \d\d:\d\d UTC; reload to see it\.$", Assert.Single(saved.Errors));
        var stored = (await second.GetSetupAsync(id, Ct))!;
        Assert.Equal(("Turing test", 2), (stored.Name, stored.RaterIds.Count));
        Assert.Equal(byOther, Assert.Single(await second.ListAsync(Ct)).State);
    }

    [Fact]
    public async Task Starting_from_a_stale_copy_is_refused_and_a_fresh_start_freezes_the_saved_set_up()
    {
        await using var lead1 = _world.As("lead", Roles.Lead);
        await using var lead2 = _world.As("lead2", Roles.Lead);
        var first = lead1.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var second = lead2.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await first.CreateAsync(_world.Setup(reals: 6));
        await _world.ShareAsync(id, "lead2");
        var staleRow = Assert.Single(await first.ListAsync(Ct));

        var edit = (await second.GetSetupAsync(id, Ct))!;
        edit.RealCount = 2;
        Assert.True((await second.UpdateAsync(id, edit)).Succeeded);
        var refused = await first.StartAsync(id, staleRow.Version);

        Assert.False(refused.Succeeded);
        Assert.Matches(@"^This study was changed by lead2 at \d\d:\d\d UTC since you opened it; reload to see it\.$", Assert.Single(refused.Errors));
        Assert.Equal(StudyState.Draft, Assert.Single(await first.ListAsync(Ct)).State);

        var fresh = Assert.Single(await first.ListAsync(Ct));
        Assert.True((await first.StartAsync(id, fresh.Version)).Succeeded);
        var db = lead1.ServiceProvider.GetRequiredService<StudioDbContext>();
        var reals = await db.Set<StudyItem>().CountAsync(i => i.StudyId == id && i.Truth == RatingTruth.Real, Ct);
        Assert.Equal(2, reals);
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_keep_the_first_and_refuse_the_second()
    {
        await using var lead1 = _world.As("lead", Roles.Lead);
        await using var lead2 = _world.As("lead2", Roles.Lead);
        var first = lead1.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var second = lead2.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await first.CreateAsync(_world.Setup());
        await _world.ShareAsync(id, "lead2");
        var a = (await first.GetSetupAsync(id, Ct))!;
        var b = (await second.GetSetupAsync(id, Ct))!;
        a.Name = "From lead";
        b.Name = "From lead2";

        var results = await Task.WhenAll(first.UpdateAsync(id, a), second.UpdateAsync(id, b));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("since you opened it", Assert.Single(loser.Errors));
        var winner = results[0].Succeeded ? "From lead" : "From lead2";
        Assert.Equal(winner, (await first.GetSetupAsync(id, Ct))!.Name);
    }

    [Fact]
    public async Task Two_leads_starting_at_once_freeze_the_items_once()
    {
        await using var lead1 = _world.As("lead", Roles.Lead);
        await using var lead2 = _world.As("lead2", Roles.Lead);
        var first = lead1.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var second = lead2.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (_, id) = await first.CreateAsync(_world.Setup());
        await _world.ShareAsync(id, "lead2");
        var version = Assert.Single(await first.ListAsync(Ct)).Version;

        var results = await Task.WhenAll(first.StartAsync(id, version), second.StartAsync(id, version));

        Assert.Single(results, r => r.Succeeded);
        Assert.Contains("started by", Assert.Single(Assert.Single(results, r => !r.Succeeded).Errors));
        var db = lead1.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.Equal(12, await db.Set<StudyItem>().CountAsync(i => i.StudyId == id, Ct));
    }

    [Fact]
    public async Task Two_leads_adding_the_same_rater_at_once_add_them_once_and_the_second_is_told()
    {
        var id = await _world.StartedStudyAsync();
        await _world.ShareAsync(id, "lead2");
        var rater3 = await StudySeed.AddUserAsync(_world.Factory.Services, "rater4", StudyWorld.Password, Roles.Rater);
        await using var lead1 = _world.As("lead", Roles.Lead);
        await using var lead2 = _world.As("lead2", Roles.Lead);

        var results = await Task.WhenAll(
            lead1.ServiceProvider.GetRequiredService<IStudyAdministration>().AddRatersAsync(id, [rater3]),
            lead2.ServiceProvider.GetRequiredService<IStudyAdministration>().AddRatersAsync(id, [rater3]));

        Assert.Single(results, r => r.Succeeded);
        Assert.Contains("not in the study yet", Assert.Single(Assert.Single(results, r => !r.Succeeded).Errors));
        var db = lead1.ServiceProvider.GetRequiredService<StudioDbContext>();
        Assert.Equal(1, await db.Set<StudyRater>().CountAsync(r => r.StudyId == id && r.UserId == rater3, Ct));
    }

    [Fact]
    public async Task A_lead_whose_role_was_removed_is_refused_at_the_next_call_of_an_open_page()
    {
        await using var lead2 = _world.As("lead2", Roles.Lead);
        var studies = lead2.ServiceProvider.GetRequiredService<IStudyAdministration>();
        Assert.Empty(await studies.ListAsync(Ct));

        await using (var admin = _world.As(Infrastructure.StudioFactory.AdminUserName, Roles.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
            var id = (await users.ListAsync(Ct)).Single(u => u.UserName == "lead2").Id;
            Assert.True((await users.SetRoleAsync(id, Roles.Lead, false)).Succeeded);
        }

        // The same scope, with the cookie's Lead claim still in its authentication state.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => studies.ListAsync(Ct));
    }
}
