using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Server.Data;
using MelanoGans.Server.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>A started study on the shared browser-test server, with its own sources, lead and raters.</summary>
public sealed record BrowserStudy(int StudyId, string Lead, IReadOnlyList<string> Raters)
{
    public const string Password = "Strong-Pass-9";

    /// <summary>Sets up and starts a study of <paramref name="reals"/> + <paramref name="fakes"/> items at 64 px.</summary>
    public static Task<BrowserStudy> StartAsync(StudioFactory factory, string prefix, int reals, int fakes, params string[] raterNames) =>
        StartAsync(factory, prefix, reals, fakes, _ => { }, raterNames);

    /// <summary>As above, with the set-up changed by <paramref name="configure"/> (a protocol, say) before it is created.</summary>
    public static async Task<BrowserStudy> StartAsync(
        StudioFactory factory, string prefix, int reals, int fakes, Action<StudySetup> configure, params string[] raterNames)
    {
        var services = factory.Services;
        var (datasetId, poolId) = await StudySeed.AddSourcesAsync(services, reals, fakes, realSize: 96, fakeSize: 64, suffix: " " + prefix);
        var raterIds = new List<string>();
        foreach (var name in raterNames) raterIds.Add(await StudySeed.AddUserAsync(services, $"{prefix}-{name}", Password, Roles.Rater));
        var lead = $"{prefix}-lead";
        await StudySeed.AddUserAsync(services, lead, Password, Roles.Lead);

        await using var scope = ScopeAs.Create(services, lead, Roles.Lead);
        var admin = scope.ServiceProvider.GetRequiredService<IStudyAdministration>();
        var setup = new StudySetup
        {
            Name = $"{prefix} study",
            RealDatasetId = datasetId,
            RealCount = reals,
            Pools = [new StudyPoolCount { PoolId = poolId, Count = fakes }],
            PresentationSize = 64,
            RaterIds = raterIds,
        };
        configure(setup);
        var (created, id) = await admin.CreateAsync(setup);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var started = await admin.StartAsync(id);
        Assert.True(started.Succeeded, string.Join(" ", started.Errors));
        return new BrowserStudy(id, lead, raterNames.Select(n => $"{prefix}-{n}").ToList());
    }

    /// <summary>The ratings table as the lead's export gives it.</summary>
    public async Task<IReadOnlyList<RatingRow>> RatingsAsync(StudioFactory factory)
    {
        await using var scope = ScopeAs.Create(factory.Services, Lead, Roles.Lead);
        return await scope.ServiceProvider.GetRequiredService<IStudyAdministration>().GetRatingsAsync(StudyId);
    }

    /// <summary>The item the server showed <paramref name="rater"/> at <paramref name="position"/> (the left one of a pair): what the rater cannot know, read by tests that answer by the truth.</summary>
    public async Task<StudyItem> ShownItemAsync(StudioFactory factory, string rater, int position)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        return await (from w in db.Set<StudyShowing>()
                      join u in db.Users on w.RaterId equals u.Id
                      join i in db.Set<StudyItem>() on w.ItemId equals i.Id
                      where w.StudyId == StudyId && u.UserName == rater && w.Position == position
                      select i).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The image URL the server would show <paramref name="rater"/> now.</summary>
    public async Task<string?> NextImageUrlAsync(StudioFactory factory, string rater)
    {
        await using var scope = ScopeAs.Create(factory.Services, rater, Roles.Rater);
        return (await scope.ServiceProvider.GetRequiredService<IRatingSession>().GetStepAsync(StudyId))?.ImageUrl;
    }
}
