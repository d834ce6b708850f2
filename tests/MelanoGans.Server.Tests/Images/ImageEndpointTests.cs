using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Datasets;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Images;

/// <summary>Dataset images reach admins and leads over HTTP, cacheable; raters and strangers get nothing.</summary>
public sealed class ImageEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leads_get_the_png_raters_are_forbidden_and_anonymous_users_sent_to_login()
    {
        await using var factory = new StudioFactory();
        var dataset = await PhantomDatasetTests.WaitReadyAsync(factory);
        string sha;
        await using (var scope = ScopeAs.Create(factory.Services, "admin", Roles.Admin))
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            await users.CreateAsync("lena", "Lead-Pass-1", [Roles.Lead]);
            await users.CreateAsync("rory", "Rater-Pass-1", [Roles.Rater]);
            sha = (await scope.ServiceProvider.GetRequiredService<IDatasetCatalog>().ImagesAsync(dataset.Id, null, 0, 1, Ct)).Images[0].Sha256;
        }
        var url = $"/api/images/{sha}.png";

        var lead = BrowserlessClient.Create(factory);
        await BrowserlessClient.SignInAsync(lead, "lena", "Lead-Pass-1");
        var ok = await lead.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/png", ok.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", ok.Headers.CacheControl!.ToString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await ok.Content.ReadAsByteArrayAsync(Ct))[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/api/images/{new string('0', 64)}.png", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/images/..%2F..%2Fmelanogans.db.png", Ct)).StatusCode);

        var rater = BrowserlessClient.Create(factory);
        await BrowserlessClient.SignInAsync(rater, "rory", "Rater-Pass-1");
        Assert.NotEqual(HttpStatusCode.OK, (await rater.GetAsync(url, Ct)).StatusCode);

        var anonymous = await BrowserlessClient.Create(factory).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
