using MelanoGans.Client.Services;
using MelanoGans.Server.Models;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Server.Tests.Studies;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Models;

/// <summary>Issue 22: out of the box a lead can set up a study: the first start generates a pool from the shipped demo generator.</summary>
public sealed class DemoPoolTests
{
    [Fact]
    public async Task A_fresh_studio_offers_the_demo_pool_in_new_study_without_any_admin_action()
    {
        await using var factory = new StudioFactory(new Dictionary<string, string> { ["Studio:Models:DemoPoolCount"] = "6" });
        await StudySeed.AddUserAsync(factory.Services, "lead", "Strong-Pass-9", Roles.Lead);

        PoolChoice? pool = null;
        // The generation job runs in the background after start (the pool is offered as it fills); wait for what the lead
        // would see, never for a fixed time.
        for (var attempt = 0; attempt < 600 && pool is not { Count: 6 }; attempt++)
        {
            await using var scope = ScopeAs.Create(factory.Services, "lead", Roles.Lead);
            var options = await scope.ServiceProvider.GetRequiredService<IStudyAdministration>().GetSetupOptionsAsync(TestContext.Current.CancellationToken);
            pool = options.Pools.SingleOrDefault(p => p.Name == DemoModelRegistration.PoolName);
            if (pool is not { Count: 6 }) await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(pool);
        Assert.Equal((6, 64), (pool.Count, pool.Resolution));
    }

    [Fact]
    public async Task A_second_start_does_not_generate_it_again_even_after_the_pool_was_renamed()
    {
        var settings = new Dictionary<string, string> { ["Studio:Models:DemoPoolCount"] = "4" };
        await using var first = new StudioFactory(settings);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            // An admin renamed the demo pool: the unique name alone would no longer stop a second one.
            var db = scope.ServiceProvider.GetRequiredService<MelanoGans.Server.Data.StudioDbContext>();
            Assert.Equal(1, await db.GeneratedPools.Where(p => p.Name == DemoModelRegistration.PoolName)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, "Phantom demo, renamed"), TestContext.Current.CancellationToken));
        }

        await using var second = new StudioFactory(new Dictionary<string, string>(settings) { ["Studio:DataDirectory"] = first.DataDirectory });
        await using var check = second.Services.CreateAsyncScope();
        var pools = await check.ServiceProvider.GetRequiredService<MelanoGans.Server.Data.StudioDbContext>().GeneratedPools
            .Select(p => p.Name).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Phantom demo, renamed"], pools);
    }
}
