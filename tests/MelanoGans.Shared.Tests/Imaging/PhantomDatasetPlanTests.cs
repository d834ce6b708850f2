using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;

namespace MelanoGans.Shared.Tests.Imaging;

public class PhantomDatasetPlanTests
{
    [Fact]
    public void Default_plan_has_the_isic_2017_class_counts()
    {
        var plan = PhantomDatasetPlan.Default;

        Assert.Equal(2000, plan.Images.Count);
        Assert.Equal(256, plan.Size);
        Assert.Equal(374, plan.Images.Count(i => i.Class == LesionClass.Melanoma));
        Assert.Equal(254, plan.Images.Count(i => i.Class == LesionClass.SeborrheicKeratosis));
        Assert.Equal(1372, plan.Images.Count(i => i.Class == LesionClass.Nevus));
        Assert.Equal(374, plan.ClassCounts[LesionClass.Melanoma]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    [InlineData(999)]
    public void Any_count_keeps_the_proportions_and_sums_up(int count)
    {
        var counts = PhantomDatasetPlan.CountsFor(count);
        Assert.Equal(count, counts.Values.Sum());
        foreach (var (lesionClass, n) in counts)
        {
            var exact = PhantomDatasetPlan.Isic2017Counts[lesionClass] * count / 2000.0;
            Assert.InRange(n, Math.Floor(exact), Math.Ceiling(exact));
        }
    }

    [Fact]
    public void Plans_are_deterministic_with_distinct_seeds_and_names()
    {
        var a = PhantomDatasetPlan.Create(5, 300, 64);
        var b = PhantomDatasetPlan.Create(5, 300, 64);
        var c = PhantomDatasetPlan.Create(6, 300, 64);

        Assert.Equal(a.Images, b.Images);
        Assert.NotEqual(a.Images.Select(i => i.Seed), c.Images.Select(i => i.Seed));
        Assert.Equal(300, a.Images.Select(i => i.Seed).Distinct().Count());
        Assert.Equal(300, a.Images.Select(i => i.FileName).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 300), a.Images.Select(i => i.Index));
        Assert.Equal("phantom_00042.png", a.Images[42].FileName);
    }

    [Fact]
    public void Classes_are_shuffled_so_a_prefix_has_every_class()
    {
        var prefix = PhantomDatasetPlan.Default.Images.Take(100).Select(i => i.Class).Distinct().Count();
        Assert.Equal(3, prefix);
    }

    [Fact]
    public void Rendering_a_planned_image_uses_its_class_seed_and_size()
    {
        var plan = PhantomDatasetPlan.Create(9, 10, 32);
        var spec = plan.Images[3];
        Assert.Equal(PhantomRenderer.Render(spec.Class, spec.Seed, 32).Pixels, plan.Render(spec).Pixels);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomDatasetPlan.Create(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PhantomDatasetPlan.Create(1, 10, 16));
    }
}
