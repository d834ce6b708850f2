using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Experiments;

namespace MelanoGans.Shared.Tests.Experiments;

public sealed class ImbalanceSplitPlanTests
{
    [Fact]
    public void The_study_dataset_splits_by_class_with_rounding_half_away_from_zero()
    {
        // ISIC 2017 training set: 374 melanomas, 254 seborrheic keratoses, 1372 nevi. 20% test: 74.8 -> 75, 50.8 -> 51,
        // 274.4 -> 274; 90% of the 299 training melanomas is 269.1 -> 269 removed, 30 kept.
        var plan = ImbalanceSplitPlan.From([new("melanoma", 374), new("seborrheic_keratosis", 254), new("nevus", 1372)], 0.2, 0.9);

        Assert.Equal(new ImbalanceSplitPlan(299, 1301, 75, 325, 269), plan);
        Assert.Equal(30, plan.Kept);
        Assert.Empty(plan.Problems(0.9));
    }

    [Fact]
    public void Labels_are_compared_without_case_and_surrounding_space_as_the_trainer_does()
    {
        var plan = ImbalanceSplitPlan.From([new("Melanoma", 5), new(" melanoma ", 5), new("nevus", 10)], 0.5, 0);

        Assert.Equal(new ImbalanceSplitPlan(5, 5, 5, 5, 0), plan);
        Assert.Equal(2, ImbalanceSplitPlan.TestCount(5, 0.3)); // 1.5 rounds up, not to even
        Assert.Equal(3, ImbalanceSplitPlan.TestCount(5, 0.5)); // 2.5 rounds away from zero
    }

    [Fact]
    public void Too_few_images_of_a_class_or_too_few_melanomas_left_are_named()
    {
        var tiny = ImbalanceSplitPlan.From([new("melanoma", 4), new("nevus", 40)], 0.2, 0.5);
        Assert.Equal(["too few melanomas or other lesions to split: 1 melanomas in the test split, at least 2 are needed (use a larger dataset or change the test fraction)"],
            tiny.Problems(0.5));

        var stripped = ImbalanceSplitPlan.From([new("melanoma", 20), new("nevus", 40)], 0.2, 0.95);
        Assert.Equal(["too few melanomas left to train: removing 0.95 of the 16 training melanomas leaves 1, at least 2 are needed (lower the remove fraction or use a larger dataset)"],
            stripped.Problems(0.95));

        var noMelanomas = ImbalanceSplitPlan.From([new("nevus", 40)], 0.2, 0.5);
        Assert.Equal(2, noMelanomas.Problems(0.5).Count);
    }

    [Fact]
    public void Generators_must_make_melanomas_at_the_experiment_resolution()
    {
        Assert.Null(ImbalanceModelRules.Problem("mel", "Melanoma", 64, 64));
        Assert.Contains("'all' was trained on all classes", ImbalanceModelRules.Problem("all", null, 64, 64));
        Assert.Contains("'nev' was trained on class 'nevus'", ImbalanceModelRules.Problem("nev", "nevus", 64, 64));
        Assert.Contains("'mel' makes 32x32 images but the experiment runs at 64x64", ImbalanceModelRules.Problem("mel", "melanoma", 32, 64));
    }

    [Fact]
    public void A_generator_trained_on_the_experiment_dataset_without_its_test_split_held_out_is_flagged()
    {
        var held = new HeldOutSplit(0.2, 0);

        Assert.Null(ImbalanceModelRules.LeakWarning("Phantom", held, "phantom", 0.2, 0));
        Assert.Null(ImbalanceModelRules.LeakWarning("ISIC 2017", null, "Phantom", 0.2, 0));
        Assert.Contains("it has seen this experiment's test melanomas", ImbalanceModelRules.LeakWarning("Phantom", null, "Phantom", 0.2, 0));
        Assert.Contains("another test split held out (test fraction 0.2, split seed 0)", ImbalanceModelRules.LeakWarning("Phantom", held, "Phantom", 0.2, 1));
        Assert.NotNull(ImbalanceModelRules.LeakWarning("Phantom", held, "Phantom", 0.25, 0));
    }

    [Fact]
    public void Settings_list_every_problem_and_job_options_refuse_a_model_chosen_twice()
    {
        var bad = new ExperimentJobOptions { Resolution = 48, RemoveFraction = 1, Seeds = 0, Batch = 1, ModelIds = [3, 3] };

        Assert.Equal(
            ["resolution must be a power of two from 32 to 256, got 48", "remove-fraction must be in [0, 1), got 1", "seeds must be from 1 to 100, got 0", "batch must be at least 2", "a model is chosen twice"],
            bad.Problems());
        Assert.Empty(new ExperimentJobOptions().Problems());
        Assert.Equal(625, new ImbalanceSettings { Epochs = 10 }.StepsFor(2000));
    }
}
