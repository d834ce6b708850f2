using Bunit;
using MelanoGans.Client.Pages.Admin;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Pages.Admin;

public sealed class TrainingPageTests : StudioComponentTest
{
    public TrainingPageTests()
    {
        Services.AddSingleton<ITrainingJobs>(new FakeTrainingJobs());
        Services.AddSingleton<IDatasetCatalog>(new FakeDatasetCatalog());
        Services.AddSingleton<IWorkerAdministration>(new FakeWorkerAdministration());
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void Live_updates_add_training_runs_and_leave_experiments_and_metrics_to_their_pages()
    {
        var cut = Render<TrainingPage>();
        cut.WaitForElement("[data-testid=empty-state]");

        Events.Publish(new TrainingUpdate(Job(7, "Experiment 1", WorkerJobKind.Experiment), null, null, false));
        Events.Publish(new TrainingUpdate(Job(8, "Metrics 1", WorkerJobKind.Metrics), null, null, false));
        Events.Publish(new TrainingUpdate(Job(9, "Run 3", WorkerJobKind.Training), null, null, false));

        cut.WaitForAssertion(() => Assert.Contains("Run 3", cut.Find("[data-testid=jobs-table]").TextContent));
        var table = cut.Find("[data-testid=jobs-table]").TextContent;
        Assert.DoesNotContain("Experiment 1", table);
        Assert.DoesNotContain("Metrics 1", table);
    }

    private static TrainingJobSummary Job(long id, string title, WorkerJobKind kind) =>
        new(id, title, new TrainingJobOptions(), TrainingJobState.Running, "w", "cpu", 5, 100, 0, null, null, null, null, false, 0, null,
            DateTimeOffset.UnixEpoch, null, null, null, kind, 1);
}
