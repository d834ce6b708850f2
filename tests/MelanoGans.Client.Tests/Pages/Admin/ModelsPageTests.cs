using Bunit;
using MelanoGans.Client.Pages.Admin;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Admin;

public sealed class ModelsPageTests : StudioComponentTest
{
    private readonly FakeModelCatalog _models = new();
    private readonly FakeModelMetrics _metrics = new();

    public ModelsPageTests()
    {
        Services.AddSingleton<IModelCatalog>(_models);
        Services.AddSingleton<IModelMetrics>(_metrics);
        Services.AddSingleton<IDatasetCatalog>(new FakeDatasetCatalog());
        Services.AddSingleton<IJobProgressFeed>(new FakeJobProgressFeed());
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void A_model_registered_elsewhere_appears_without_a_reload()
    {
        _models.Models.Add(FakeModelCatalog.Model(1, "demo"));
        var cut = Render<ModelsPage>();
        Assert.Single(cut.FindAll("[data-testid=model-row-name]"));

        // Another admin's upload or a finished training run registers a model.
        _models.Models.Add(FakeModelCatalog.Model(2, "dcgan-melanoma"));
        Events.Publish(new ModelRegistered(2, "dcgan-melanoma"));

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=model-row-name]"), r => r.TextContent.Contains("dcgan-melanoma")));
        Assert.Equal(2, cut.FindAll("[data-testid=model-row-name]").Count);
    }

    [Fact]
    public void A_link_with_a_model_id_opens_that_model()
    {
        // The training job page links its registered model as admin/models?model=N.
        _models.Models.Add(FakeModelCatalog.Model(1, "demo"));
        _models.Models.Add(FakeModelCatalog.Model(2, "dcgan-melanoma"));
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("admin/models?model=2");

        var cut = Render<ModelsPage>();

        cut.WaitForAssertion(() => Assert.Contains("dcgan-melanoma", cut.Find("[data-testid=model-metrics] h2").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_show_with_their_extractor_sort_by_fd_and_a_small_set_is_flagged()
    {
        _models.Models.Add(FakeModelCatalog.Model(1, "demo"));
        _models.Models.Add(FakeModelCatalog.Model(2, "dcgan-melanoma"));
        _metrics.Latest.Add(FakeModelMetrics.Metrics(1, "demo", fd: 80.5, count: 500) with { MemorisationShare = 0.02 });
        _metrics.Latest.Add(FakeModelMetrics.Metrics(2, "dcgan-melanoma", fd: 12.25) with { MemorisationShare = 0.30 });

        var cut = Render<ModelsPage>();
        cut.WaitForAssertion(() => Assert.Equal(["80.5", "12.25"], cut.FindAll("[data-testid=model-fd]").Select(c => c.TextContent)));
        cut.FindAll("th .mud-table-sort-label")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal(["12.25", "80.5"], cut.FindAll("[data-testid=model-fd]").Select(c => c.TextContent)));
        Assert.Contains("resnet18", cut.Find("[data-testid=metrics-basis]").TextContent);
        Assert.Contains("not a published FID", cut.Find("[data-testid=metrics-basis]").TextContent);
        Assert.Contains("compare models by KID", cut.Find("[data-testid=metrics-small-sample]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=memorisation-pair]"));

        // Every metric is shown (precision with recall, density with coverage): the least memorising model first when sorted by "Memorised".
        Assert.Equal(["0.300", "0.020"], cut.FindAll("[data-testid=model-memorised]").Select(c => c.TextContent));
        cut.FindAll("th .mud-table-sort-label")[4].Click();
        cut.WaitForAssertion(() => Assert.Equal(["0.020", "0.300"], cut.FindAll("[data-testid=model-memorised]").Select(c => c.TextContent)));
        Assert.Equal(2, cut.FindAll("[data-testid=model-density]").Count);
    }

    [Fact]
    public void Computing_metrics_starts_a_job_and_its_progress_follows_live()
    {
        _models.Models.Add(FakeModelCatalog.Model(1, "demo"));
        var cut = Render<ModelsPage>();
        cut.WaitForAssertion(() => Assert.Contains("No metrics yet", cut.Find("[data-testid=metrics-empty]").TextContent));

        cut.Find("[data-testid=metrics-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal((1, (int?)null), Assert.Single(_metrics.Started)));

        var job = new TrainingJobSummary(9, "Metrics of demo", new TrainingJobOptions { Metrics = new MetricsJobOptions { ModelId = 1 } },
            TrainingJobState.Running, "w", "cpu", 500, 4000, 0, null, null, null, null, false, 0, "Features of 2000 real images (resnet18).",
            DateTimeOffset.UnixEpoch, null, null, null, WorkerJobKind.Metrics, 1);
        Events.Publish(new TrainingUpdate(job, null, null, false));

        cut.WaitForAssertion(() => Assert.Contains("Metrics 1: Features of 2000 real images", cut.Find("[data-testid=metrics-job]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=metrics-start]").GetAttribute("disabled"));
    }
}
