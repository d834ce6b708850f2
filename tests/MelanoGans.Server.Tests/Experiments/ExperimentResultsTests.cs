using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Experiments;

/// <summary>The Experiments page's service against a real SQLite file.</summary>
public sealed class ExperimentResultsTests : IAsyncLifetime
{
    private readonly StudioFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_results_json_of_the_command_line_is_stored_and_read_back()
    {
        var written = SampleExperimentResult.Create();
        var json = JsonSerializer.Serialize(written, ImbalanceExperimentResult.Json);

        await using (var scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin))
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IExperimentResults>().UploadAsync("pilot run", json, Ct);
            Assert.True(stored.Succeeded, string.Join(" ", stored.Errors));
        }

        await using var reader = ScopeAs.Create(_factory.Services, "admin", Roles.Admin);
        var service = reader.ServiceProvider.GetRequiredService<IExperimentResults>();
        var summary = Assert.Single(await service.ListAsync(Ct));
        Assert.Equal(("pilot run", "imbalance", written.Dataset, 3, 2, "admin"),
            (summary.Name, summary.Experiment, summary.Dataset, summary.ArmCount, summary.SeedCount, summary.UploadedBy));
        Assert.Equal(written.FinishedAt, summary.FinishedAt);

        var read = await service.GetAsync(summary.Id, Ct);
        Assert.NotNull(read);
        Assert.Equal(json, JsonSerializer.Serialize(read, ImbalanceExperimentResult.Json));
        Assert.Null(await service.GetAsync(summary.Id + 1, Ct));
    }

    [Fact]
    public async Task Admins_download_a_stored_result_as_it_was_checked_and_leads_cannot()
    {
        var json = JsonSerializer.Serialize(SampleExperimentResult.Create(), ImbalanceExperimentResult.Json);
        await using (var scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IExperimentResults>().UploadAsync("pilot", json, Ct)).Succeeded);
            await scope.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync("lead", "Lead-Pass-2026", [Roles.Lead]);
        }

        using var admin = BrowserlessClient.Create(_factory);
        await BrowserlessClient.SignInAsync(admin, StudioFactory.AdminUserName, StudioFactory.AdminPassword);
        var download = await admin.GetAsync("/api/experiments/1/results.json", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json, await download.Content.ReadAsStringAsync(Ct));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/experiments/2/results.json", Ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/api/experiments/1/secrets.txt", Ct)).StatusCode);
        // The table and the chart are made from the stored file by the same code as the command line's results.md and results.svg.
        var table = await admin.GetStringAsync("/api/experiments/1/results.md", Ct);
        Assert.Equal(MelanoGans.Shared.Experiments.ExperimentTable.Markdown(SampleExperimentResult.Create()), table);
        var chart = await admin.GetAsync("/api/experiments/1/results.svg", Ct);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await chart.Content.ReadAsStringAsync(Ct)).TrimStart());

        using var lead = BrowserlessClient.Create(_factory);
        await BrowserlessClient.SignInAsync(lead, "lead", "Lead-Pass-2026");
        var refused = await lead.GetAsync("/api/experiments/1/results.json", Ct);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("imbalance", await refused.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("{ not json", "This is not a results.json")]
    [InlineData("{\"experiment\": \"imbalance\"}", "This is not a results.json")]
    [InlineData("null", "the file holds null")]
    [InlineData("", "The file is empty.")]
    public async Task Malformed_json_is_refused_with_a_clear_message(string json, string expected)
    {
        await using var scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin);
        var service = scope.ServiceProvider.GetRequiredService<IExperimentResults>();

        var result = await service.UploadAsync("broken", json, Ct);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, Assert.Single(result.Errors));
        Assert.Empty(await service.ListAsync(Ct));
    }

    [Fact]
    public async Task A_result_without_the_imbalanced_arm_or_with_missing_metrics_is_refused()
    {
        var sample = SampleExperimentResult.Create();
        var broken = sample with
        {
            Arms = [sample.Arms[0] with { Metrics = new Dictionary<string, ExperimentMetricSummary>() }],
        };
        await using var scope = ScopeAs.Create(_factory.Services, "admin", Roles.Admin);

        var result = await scope.ServiceProvider.GetRequiredService<IExperimentResults>()
            .UploadAsync("broken", JsonSerializer.Serialize(broken, ImbalanceExperimentResult.Json), Ct);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("no \"imbalanced\" arm", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("Arm \"balanced\" lacks the metrics accuracy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.Rater)]
    [InlineData(Roles.Lead)]
    public async Task Raters_and_leads_are_refused(string role)
    {
        var json = JsonSerializer.Serialize(SampleExperimentResult.Create(), ImbalanceExperimentResult.Json);
        await using var scope = ScopeAs.Create(_factory.Services, "someone", role);
        var service = scope.ServiceProvider.GetRequiredService<IExperimentResults>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UploadAsync("x", json, Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(Ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.GetAsync(1, Ct));
    }
}
