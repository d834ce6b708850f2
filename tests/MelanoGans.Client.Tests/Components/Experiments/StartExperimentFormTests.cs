using Bunit;
using MelanoGans.Client.Components.Experiments;
using MelanoGans.Client.Services;
using MelanoGans.Client.Tests.Fakes;
using MelanoGans.Client.Tests.Pages.Admin;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Client.Tests.Components.Experiments;

public sealed class StartExperimentFormTests : StudioComponentTest
{
    private readonly FakeExperimentResults _experiments = new();
    private readonly FakeDatasetCatalog _datasets = new();
    private readonly FakeModelCatalog _models = new();

    public StartExperimentFormTests()
    {
        Services.AddSingleton<IExperimentResults>(_experiments);
        Services.AddSingleton<IDatasetCatalog>(_datasets);
        Services.AddSingleton<IModelCatalog>(_models);
        SignInAs("admin", Roles.Admin);
        // The ISIC 2017 training set of the study: 374 melanomas, 254 seborrheic keratoses, 1372 nevi.
        _datasets.Datasets.Add(new DatasetSummary(1, "ISIC 2017", "isic", 256, "Ready", 2000, 2000,
            [new("melanoma", 374), new("seborrheic_keratosis", 254), new("nevus", 1372)], null, null, DateTimeOffset.UnixEpoch));
        _models.Models.AddRange([Model(1, "demo", null, 64), Model(2, "mel64", "melanoma", 64), Model(3, "mel32", "melanoma", 32), Model(4, "nevi64", "nevus", 64)]);
    }

    [Fact]
    public void The_split_preview_gives_the_counts_the_trainer_will_use()
    {
        var cut = Render<StartExperimentForm>();

        // 20% of each class held out (rounded): 75 melanomas and 51 + 274 others; 90% of the 299 training melanomas removed.
        Assert.Equal(
            "Training split 299 melanomas + 1301 others; the imbalanced arms keep 30 melanomas. Test split 75 melanomas + 325 others.",
            System.Text.RegularExpressions.Regex.Replace(cut.Find("[data-testid=experiment-split-preview]").TextContent, @"\s+", " ").Trim());
    }

    [Fact]
    public void Only_melanoma_generators_at_the_chosen_resolution_can_be_picked_and_those_are_sent()
    {
        var cut = Render<StartExperimentForm>();

        var fits = cut.FindAll("[data-testid=experiment-model]").ToDictionary(m => m.GetAttribute("data-model")!, m => m.GetAttribute("data-fits"));
        Assert.Equal(new Dictionary<string, string?> { ["demo"] = "no", ["mel64"] = "yes", ["mel32"] = "no", ["nevi64"] = "no" }, fits);
        var notes = cut.FindAll("[data-testid=experiment-model]").Select(m => m.TextContent).ToList();
        Assert.Contains("trained on all classes: the experiment needs a melanoma generator", notes[0]);
        Assert.Contains("makes 32 px images: choose resolution 32 to use it", notes[2]);
        Assert.Contains("trained on nevus", notes[3]);

        cut.Find("[data-testid=start-experiment-run]").Click();
        cut.WaitForAssertion(() => Assert.Single(_experiments.Started));
        var (datasetId, options) = _experiments.Started[0];
        Assert.Equal((1, 64, 0.9, 3), (datasetId, options.Resolution, options.RemoveFraction, options.Seeds));
        Assert.Equal([2], options.ModelIds);
    }

    [Fact]
    public void A_generator_that_has_seen_the_test_melanomas_is_flagged_and_one_that_held_them_out_is_not()
    {
        _models.Models.Clear();
        _models.Models.AddRange([
            Model(5, "isic-all", "melanoma", 64) with { Dataset = "ISIC 2017" },
            Model(6, "isic-held", "melanoma", 64) with { Dataset = "ISIC 2017", HeldOut = new HeldOutSplit(0.2, 0) },
        ]);

        var cut = Render<StartExperimentForm>();

        var leaks = cut.FindAll("[data-testid=experiment-model]").ToDictionary(m => m.GetAttribute("data-model")!, m => m.QuerySelector("[data-testid=experiment-model-leak]")?.TextContent);
        Assert.Contains("it has seen this experiment's test melanomas", leaks["isic-all"]);
        Assert.Null(leaks["isic-held"]);
    }

    private static ModelSummary Model(int id, string name, string? cls, int resolution) =>
        new(id, name, "dcgan", resolution, "z [64]", "phantom", cls, 100, "sha", "test", 1, [], DateTimeOffset.UnixEpoch);
}
