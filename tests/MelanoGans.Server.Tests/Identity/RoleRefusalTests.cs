using System.Net;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>Each role is refused, over plain HTTP, the pages it may not use; and reaches the ones it may.</summary>
public sealed class RoleRefusalTests(RoleRefusalTests.Host host) : IClassFixture<RoleRefusalTests.Host>
{
    /// <summary>One server for all cases, with one user per role (user-admin, user-lead, user-rater).</summary>
    public sealed class Host : IAsyncLifetime
    {
        public StudioFactory Factory { get; } = new(new Dictionary<string, string> { ["Studio:Phantom:Enabled"] = "false" });

        public async ValueTask InitializeAsync()
        {
            await using var scope = ScopeAs.Create(Factory.Services, "admin", Roles.Admin);
            var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
            foreach (var role in Roles.All)
                await users.CreateAsync($"user-{role.ToLowerInvariant()}", "Some-Pass-1", [role]);
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    public static TheoryData<string, string, bool> Pages => new()
    {
        { Roles.Rater, "/admin/users", false },
        { Roles.Rater, "/datasets", false },
        { Roles.Rater, "/studies", false },
        { Roles.Rater, "/my-studies", true },
        { Roles.Lead, "/admin/users", false },
        { Roles.Lead, "/admin/training", false },
        { Roles.Lead, "/my-studies", false },
        { Roles.Lead, "/datasets", true },
        { Roles.Lead, "/statistics", true },
        { Roles.Admin, "/admin/models", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_answer_by_role(string role, string path, bool allowed)
    {
        var client = BrowserlessClient.Create(host.Factory);
        await BrowserlessClient.SignInAsync(client, $"user-{role.ToLowerInvariant()}", "Some-Pass-1");

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }
}
