using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// A study belongs to its leads: the lead who created it and the co-leads they name see and change it; to any other
/// lead it does not exist; admins reach every study. Two leads, each in a scope of their own as two circuits are.
/// </summary>
public sealed class StudyOwnershipTests : IAsyncLifetime
{
    private StudyWorld _world = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await StudyWorld.CreateAsync();
        await StudySeed.AddUserAsync(_world.Factory.Services, "lead2", StudyWorld.Password, Roles.Lead);
    }

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Another_leads_study_does_not_exist_for_a_lead_whatever_they_try_and_nothing_changes()
    {
        var id = await _world.StartedStudyAsync();
        await using var other = _world.As("lead2", Roles.Lead);
        var studies = other.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var statistics = other.ServiceProvider.GetRequiredService<IStudyStatistics>();
        var rater3 = (await studies.GetSetupOptionsAsync(Ct)).Raters.Single(r => r.UserName == "rater3").Id;

        Assert.Empty(await studies.ListAsync(Ct));
        Assert.Null(await studies.GetSetupAsync(id, Ct));
        Assert.Empty(await studies.GetRatingsAsync(id, Ct));
        Assert.Empty(await statistics.StudiesAsync(Ct));
        Assert.Null(await statistics.DashboardAsync(id, Ct));
        var refusals = new[]
        {
            await studies.UpdateAsync(id, _world.Setup()),
            await studies.StartAsync(id),
            await studies.PauseAsync(id),
            await studies.CloseAsync(id),
            await studies.AddRatersAsync(id, [rater3]),
            (await studies.CloneAsync(id)).Result,
            await studies.SetRaterExcludedAsync(id, "rater1", true),
            await studies.SetCoLeadsAsync(id, []),
        };
        Assert.All(refusals, r => Assert.Equal(["No such study."], r.Errors));

        await using var owner = _world.As("lead", Roles.Lead);
        var summary = Assert.Single(await owner.ServiceProvider.GetRequiredService<IStudyAdministration>().ListAsync(Ct));
        // Version 2 is the start's (claimed, then opened): no refused call changed anything.
        Assert.Equal((StudyState.Open, 2, 2, "lead"), (summary.State, summary.RaterCount, summary.Version, summary.Owner));
        Assert.Empty(summary.CoLeads);
        Assert.True(summary.CanShare);
    }

    [Fact]
    public async Task A_co_lead_sees_and_changes_the_study_but_only_the_owner_or_an_admin_names_co_leads()
    {
        var id = await _world.StartedStudyAsync();
        await StudySeed.AddUserAsync(_world.Factory.Services, "lead3", StudyWorld.Password, Roles.Lead);
        await _world.ShareAsync(id, "lead2");
        await using var coLead = _world.As("lead2", Roles.Lead);
        var studies = coLead.ServiceProvider.GetRequiredService<IStudyAdministration>();

        var shared = Assert.Single(await studies.ListAsync(Ct));
        Assert.Equal(("lead", "lead2", false), (shared.Owner, Assert.Single(shared.CoLeads), shared.CanShare));
        Assert.NotNull(await coLead.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(id, Ct));
        Assert.True((await studies.PauseAsync(id)).Succeeded);
        var lead3 = (await studies.GetSetupOptionsAsync(Ct)).Leads.Single(l => l.UserName == "lead3").Id;
        Assert.Equal(["Only lead, who owns this study, or an admin names its co-leads."], (await studies.SetCoLeadsAsync(id, [lead3])).Errors);

        await using (var admin = _world.As(StudioFactory.AdminUserName, Roles.Admin))
        {
            var all = admin.ServiceProvider.GetRequiredService<IStudyAdministration>();
            Assert.Equal(StudyState.Paused, Assert.Single(await all.ListAsync(Ct)).State);
            Assert.True((await all.SetCoLeadsAsync(id, [lead3])).Succeeded);
        }

        // Taken off the study, lead2 loses it at their next call, on the page they still have open.
        Assert.Equal(["No such study."], (await studies.ResumeAsync(id)).Errors);
        Assert.Empty(await studies.ListAsync(Ct));
        await using var third = _world.As("lead3", Roles.Lead);
        Assert.True((await third.ServiceProvider.GetRequiredService<IStudyAdministration>().ResumeAsync(id)).Succeeded);
    }

    [Fact]
    public async Task Two_people_naming_co_leads_from_the_same_page_the_second_is_refused_with_who_changed_it()
    {
        var id = await _world.StartedStudyAsync();
        await StudySeed.AddUserAsync(_world.Factory.Services, "lead3", StudyWorld.Password, Roles.Lead);
        await using var owner = _world.As("lead", Roles.Lead);
        await using var admin = _world.As(StudioFactory.AdminUserName, Roles.Admin);
        var byOwner = owner.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var byAdmin = admin.ServiceProvider.GetRequiredService<IStudyAdministration>();
        // Both opened the share panel on the same list.
        var version = Assert.Single(await byOwner.ListAsync(Ct)).Version;
        Assert.Equal(version, Assert.Single(await byAdmin.ListAsync(Ct)).Version);
        var leads = (await byOwner.GetSetupOptionsAsync(Ct)).Leads;
        var (lead2, lead3) = (leads.Single(l => l.UserName == "lead2").Id, leads.Single(l => l.UserName == "lead3").Id);

        Assert.True((await byOwner.SetCoLeadsAsync(id, [lead2], version)).Succeeded);
        var refused = await byAdmin.SetCoLeadsAsync(id, [lead3], version);

        Assert.Matches(@"^This study was changed by lead at \d\d:\d\d UTC since you opened it; reload to see it\.$", Assert.Single(refused.Errors));
        var now = Assert.Single(await byAdmin.ListAsync(Ct));
        Assert.Equal("lead2", Assert.Single(now.CoLeads));
        Assert.True((await byAdmin.SetCoLeadsAsync(id, [lead3], now.Version)).Succeeded);
        Assert.Equal("lead3", Assert.Single(Assert.Single(await byOwner.ListAsync(Ct)).CoLeads));
    }

    [Fact]
    public async Task Co_leads_are_active_leads_other_than_the_owner()
    {
        var id = await _world.StartedStudyAsync();
        await using var owner = _world.As("lead", Roles.Lead);
        var studies = owner.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var options = await studies.GetSetupOptionsAsync(Ct);
        var self = options.Leads.Single(l => l.UserName == "lead").Id;

        Assert.Equal(["lead owns this study already."], (await studies.SetCoLeadsAsync(id, [self])).Errors);
        Assert.Equal(["Only active accounts with the Lead role can co-lead a study."], (await studies.SetCoLeadsAsync(id, [_world.Rater1Id])).Errors);
        Assert.DoesNotContain(options.Leads, l => l.Id == _world.Rater1Id);
        Assert.Empty(Assert.Single(await studies.ListAsync(Ct)).CoLeads);
    }

    [Fact]
    public async Task The_exports_answer_the_studys_leads_and_admins_and_404_to_other_leads()
    {
        var id = await _world.StartedStudyAsync();
        string[] exports = [$"/api/studies/{id}/ratings.csv", $"/api/studies/{id}/ratings.json", $"/api/studies/{id}/presentation.json", $"/api/studies/{id}/statistics.json"];
        var owner = await _world.SignedInClientAsync("lead");
        var other = await _world.SignedInClientAsync("lead2");
        var admin = BrowserlessClient.Create(_world.Factory);
        await BrowserlessClient.SignInAsync(admin, StudioFactory.AdminUserName, StudioFactory.AdminPassword);

        foreach (var url in exports)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);
        }

        await _world.ShareAsync(id, "lead2");
        foreach (var url in exports) Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(url, Ct)).StatusCode);
    }
}
