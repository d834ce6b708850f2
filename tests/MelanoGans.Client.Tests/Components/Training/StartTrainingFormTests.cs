using Bunit;
using MelanoGans.Client.Components.Training;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Components.Training;

public sealed class StartTrainingFormTests : StudioComponentTest
{
    private readonly FakeTrainingJobs _jobs = new();

    public StartTrainingFormTests()
    {
        var datasets = new FakeDatasetCatalog();
        datasets.Datasets.Add(new DatasetSummary(3, "Phantom", "phantom", 256, "Ready", 2000, 2000,
            [new("melanoma", 374), new("nevus", 1626)], null, null, DateTimeOffset.UnixEpoch));
        Services.AddSingleton<ITrainingJobs>(_jobs);
        Services.AddSingleton<IDatasetCatalog>(datasets);
        SignInAs("admin", Roles.Admin);
    }

    [Fact]
    public void The_study_defaults_are_sent_and_no_split_is_held_out_unless_asked()
    {
        var cut = Render<StartTrainingForm>();

        cut.WaitForAssertion(() => Assert.Null(cut.Find("[data-testid=start-run]").GetAttribute("disabled")));
        cut.Find("[data-testid=start-run]").Click();

        cut.WaitForAssertion(() => Assert.Single(_jobs.Started));
        var sent = _jobs.Started[0];
        Assert.Equal(("dcgan", 256, "lsgan", 8, 3), (sent.Architecture, sent.Resolution, sent.Loss, sent.Batch, sent.DatasetId));
        Assert.Null(sent.HeldOut);
        Assert.Empty(cut.FindAll("[data-testid=start-hold-out-fraction]"));
    }

    [Fact]
    public void Holding_out_the_experiment_test_split_sends_its_fraction_and_seed()
    {
        var cut = Render<StartTrainingForm>();

        cut.Find("input[data-testid=start-hold-out], [data-testid=start-hold-out] input").Change(true);
        cut.Find("input[data-testid=start-hold-out-seed], [data-testid=start-hold-out-seed] input").Change("7");
        cut.Find("[data-testid=start-run]").Click();

        cut.WaitForAssertion(() => Assert.Equal(new HeldOutSplit(0.2, 7), Assert.Single(_jobs.Started).HeldOut));
    }
}
