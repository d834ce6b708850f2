using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MelanoGans.Server.Tests.Studies;

/// <summary>
/// A server with a lead, two raters, a non-rater and sources of 12 reals and 12 fakes, plus helpers to
/// act as each of them through the services, as a circuit would.
/// </summary>
public sealed class StudyWorld : IAsyncDisposable
{
    public const string Password = "Strong-Pass-1";

    private StudyWorld(StudioFactory factory) => Factory = factory;

    public StudioFactory Factory { get; }

    /// <summary>The host's warnings and errors.</summary>
    public LogRecorder Log { get; private init; } = default!;
    public int DatasetId { get; private set; }
    public int PoolId { get; private set; }
    public string Rater1Id { get; private set; } = "";
    public string Rater2Id { get; private set; } = "";

    public static async Task<StudyWorld> CreateAsync(Dictionary<string, string>? settings = null)
    {
        var log = new LogRecorder();
        var world = new StudyWorld(new StudioFactory(settings) { TestServices = s => s.AddSingleton<ILoggerProvider>(log) }) { Log = log };
        var services = world.Factory.Services;
        (world.DatasetId, world.PoolId) = await StudySeed.AddSourcesAsync(services, reals: 12, fakes: 12);
        world.Rater1Id = await StudySeed.AddUserAsync(services, "rater1", Password, Roles.Rater);
        world.Rater2Id = await StudySeed.AddUserAsync(services, "rater2", Password, Roles.Rater);
        await StudySeed.AddUserAsync(services, "rater3", Password, Roles.Rater);
        await StudySeed.AddUserAsync(services, "lead", Password, Roles.Lead);
        return world;
    }

    public AsyncServiceScope As(string userName, params string[] roles) => ScopeAs.Create(Factory.Services, userName, roles);

    /// <summary>An HTTP client signed in as <paramref name="userName"/> (the test server's cookies), for image and export requests.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = BrowserlessClient.Create(Factory);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await BrowserlessClient.SignInAsync(client, userName, Password)).StatusCode);
        return client;
    }

    public StudySetup Setup(int reals = 6, int fakes = 6, double repeatShare = 0.1) => new()
    {
        Name = "Turing test",
        RealDatasetId = DatasetId,
        RealCount = reals,
        Pools = [new StudyPoolCount { PoolId = PoolId, Count = fakes }],
        PresentationSize = 48,
        RaterIds = [Rater1Id, Rater2Id],
        RepeatShare = repeatShare,
    };

    /// <summary>Creates and starts a study as the lead; fails the test on any refusal.</summary>
    public async Task<int> StartedStudyAsync(StudySetup? setup = null)
    {
        await using var lead = As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var (created, id) = await admin.CreateAsync(setup ?? Setup());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var started = await admin.StartAsync(id);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        return id;
    }

    /// <summary>The lead (the owner) names <paramref name="coLeads"/> (user names with the Lead role) co-leads of the study.</summary>
    public async Task ShareAsync(int studyId, params string[] coLeads)
    {
        await using var lead = As("lead", Roles.Lead);
        var admin = lead.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var leads = (await admin.GetSetupOptionsAsync()).Leads;
        var shared = await admin.SetCoLeadsAsync(studyId, leads.Where(l => coLeads.Contains(l.UserName)).Select(l => l.Id).ToList());
        Assert.True(shared.Succeeded, string.Join(" ", shared.Errors));
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
