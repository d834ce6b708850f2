using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Statistics;
using MelanoGans.Server.Studies;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Statistics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Statistics;

/// <summary>The dashboard's service and the statistics export against a test ratings table.</summary>
public sealed class StudyStatisticsTests : IAsyncLifetime
{
    private readonly StudioFactory _base = new();
    private readonly TestRatingsTable _table = new();
    private WebApplicationFactory<Program> _factory = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _factory = _base.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IRatingsTable>(_table)));
        _table.Access = _factory.Services.GetRequiredService<IStudyAccess>();
        // The test table's study, as the studies feature holds it: led by lena.
        Assert.Equal(TestRatingsTable.StudyId, await StudySeed.AddOwnedStudyAsync(_factory.Services, TestRatingsTable.StudyName, "lena"));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _base.DisposeAsync();
    }

    [Fact]
    public async Task The_studys_lead_and_admins_read_statistics_other_leads_see_nothing_raters_are_refused()
    {
        await using (var rater = ScopeAs.Create(_factory.Services, "rory", Roles.Rater))
        {
            var statistics = rater.ServiceProvider.GetRequiredService<IStudyStatistics>();
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => statistics.StudiesAsync(Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => statistics.DashboardAsync(TestRatingsTable.StudyId, Ct));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => statistics.ItemImageUrlsAsync(TestRatingsTable.StudyId, Ct));
        }

        await using (var other = ScopeAs.Create(_factory.Services, "lars", Roles.Lead))
        {
            var statistics = other.ServiceProvider.GetRequiredService<IStudyStatistics>();
            Assert.Empty(await statistics.StudiesAsync(Ct));
            Assert.Null(await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct));
            Assert.Null(await statistics.StudyAsync(TestRatingsTable.StudyId, Ct));
            Assert.Empty(await statistics.ItemImageUrlsAsync(TestRatingsTable.StudyId, Ct));
            Assert.Null(await statistics.PlanAsync(TestRatingsTable.StudyId, 5, 50, null, Ct));
        }

        foreach (var (name, role) in new[] { ("lena", Roles.Lead), ("someone", Roles.Admin) })
        {
            await using var scope = ScopeAs.Create(_factory.Services, name, role);
            var statistics = scope.ServiceProvider.GetRequiredService<IStudyStatistics>();
            Assert.Equal(TestRatingsTable.StudyName, Assert.Single(await statistics.StudiesAsync(Ct)).Name);
            Assert.Equal(5, (await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct))!.Report.RaterCount);
            Assert.Null(await statistics.DashboardAsync(99, Ct));
            Assert.Equal(TestRatingsTable.StudyName, (await statistics.StudyAsync(TestRatingsTable.StudyId, Ct))!.Name);
            Assert.Null(await statistics.StudyAsync(99, Ct));
        }
    }

    [Fact]
    public async Task Statistics_json_is_for_the_studys_leads_only_over_http()
    {
        await using (var scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            await users.CreateAsync("lena", "Lead-Pass-1", [Roles.Lead]);
            await users.CreateAsync("lars", "Lead-Pass-2", [Roles.Lead]);
            await users.CreateAsync("rory", "Rater-Pass-1", [Roles.Rater]);
        }

        var url = $"/api/studies/{TestRatingsTable.StudyId}/statistics.json";
        var lead = await SignedInClientAsync("lena", "Lead-Pass-1");
        var ok = await lead.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/json", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/studies/99/statistics.json", Ct)).StatusCode);
        // Another lead's study does not exist for them: the same 404 as a study that is not there.
        var other = await SignedInClientAsync("lars", "Lead-Pass-2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url, Ct)).StatusCode);

        var rater = await SignedInClientAsync("rory", "Rater-Pass-1");
        Assert.NotEqual(HttpStatusCode.OK, (await rater.GetAsync(url, Ct)).StatusCode);

        var anonymous = await NewClient().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Statistics_json_equals_the_dashboard_and_stats_on_the_exported_csv_byte_for_byte()
    {
        var client = await SignedInClientAsync(StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        var served = await client.GetStringAsync($"/api/studies/{TestRatingsTable.StudyId}/statistics.json", Ct);

        // What `melanogans stats --json` does with the exported file: read the CSV, compute with its defaults.
        var read = RatingsCsv.Read(new StringReader(RatingsCsv.ToCsv(_table.Snapshot())));
        Assert.Empty(read.Errors);
        var fromCsv = StudyReportJson.Serialize(StudyStatistics.Compute(read.Rows, new StatisticsOptions()));
        Assert.Equal(fromCsv, served);

        await using var scope = ScopeAs.Create(_factory.Services, "lena", Roles.Lead);
        var dashboard = await scope.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(TestRatingsTable.StudyId, Ct);
        Assert.Equal(fromCsv, StudyReportJson.Serialize(dashboard!.Report));
        // The options came from Studio:Statistics: 1000 resamples, as `melanogans stats` by default.
        Assert.Equal(1000, dashboard.Report.Agreement.AlphaOrdinal.Interval!.Resamples);
    }

    [Fact]
    public async Task Dashboards_that_miss_together_share_one_computation()
    {
        // Six circuits of the study's lead (tabs, devices) open the dashboard together.
        var leads = Enumerable.Range(0, 6).Select(_ => ScopeAs.Create(_factory.Services, "lena", Roles.Lead)).ToList();
        try
        {
            var dashboards = await Task.WhenAll(leads.Select(l =>
                Task.Run(() => l.ServiceProvider.GetRequiredService<IStudyStatistics>().DashboardAsync(TestRatingsTable.StudyId, Ct))));

            Assert.Equal(1, _table.RowReads);
            Assert.All(dashboards, d => Assert.Same(dashboards[0], d));
        }
        finally
        {
            foreach (var lead in leads) await lead.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_cache_holds_per_answer_count_and_is_dropped_when_an_answer_is_recorded()
    {
        await using var scope = ScopeAs.Create(_factory.Services, "lena", Roles.Lead);
        var statistics = scope.ServiceProvider.GetRequiredService<IStudyStatistics>();
        var events = _factory.Services.GetRequiredService<IStudioEvents>();
        var announced = new List<int>();
        using var subscription = events.Subscribe<AnswerRecorded>(e => announced.Add(e.StudyId));
        var first = await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct);

        // A changed answer with the same count and no event: the cached dashboard is served.
        _table.Change(rows => rows.Select(r => r.Rater == "rater01" && !r.IsRepeat ? r with { Response = r.Truth == RatingTruth.Fake ? 1 : 6 } : r).ToList());
        Assert.Same(first, await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct));

        // The event drops it, and reaches the pages too.
        events.Publish(new AnswerRecorded(TestRatingsTable.StudyId));
        Assert.Equal([TestRatingsTable.StudyId], announced);
        var second = await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct);
        Assert.NotSame(first, second);
        Assert.Equal(1.0, second!.Report.Raters.Single(r => r.Rater == "rater01").Classification.Accuracy.Estimate);
        Assert.Same(second, await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct));

        // A new answer changes the count: recomputed even before its event arrives.
        var extra = _table.Snapshot()[0] with { Rater = "rater99" };
        _table.Change(rows => [.. rows, extra]);
        var third = await statistics.DashboardAsync(TestRatingsTable.StudyId, Ct);
        Assert.Equal(6, third!.Report.RaterCount);
    }

    [Fact]
    public async Task Without_a_ratings_table_there_are_no_studies()
    {
        await using var bare = new StudioFactory();
        await using (var scope = ScopeAs.Create(bare.Services, "lena", Roles.Lead))
        {
            var statistics = scope.ServiceProvider.GetRequiredService<IStudyStatistics>();
            Assert.Empty(await statistics.StudiesAsync(Ct));
            Assert.Null(await statistics.DashboardAsync(1, Ct));
        }

        var client = BrowserlessClient.Create(bare);
        await BrowserlessClient.SignInAsync(client, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/studies/1/statistics.json", Ct)).StatusCode);
    }

    private HttpClient NewClient() => _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = NewClient();
        var response = await BrowserlessClient.SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
