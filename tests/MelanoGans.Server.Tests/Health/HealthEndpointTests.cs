using System.Net;
using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthy_when_the_database_answers()
    {
        await using var factory = new StudioFactory();
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unhealthy_when_the_database_cannot_be_read()
    {
        await using var factory = new StudioFactory();
        var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Break the schema the app depends on.
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AspNetUsers\" RENAME TO \"Broken\"", TestContext.Current.CancellationToken);
        }

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
