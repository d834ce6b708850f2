using MelanoGans.Training.Losses;
using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.Losses;

public sealed class LossesTests
{
    [Fact]
    public void Lsgan_is_zero_for_a_perfect_discriminator_and_sums_levels()
    {
        using var scope = NewDisposeScope();
        Tensor[] high = [ones(4), ones(2)];
        Tensor[] low = [zeros(4), zeros(2)];

        Assert.Equal(0f, AdversarialLoss.Discriminator(GanLoss.Lsgan, high, low).item<float>());
        Assert.Equal(1f, AdversarialLoss.Generator(GanLoss.Lsgan, low).item<float>(), 6);
        Assert.Equal(2 * MathF.Log(2), AdversarialLoss.Generator(GanLoss.NonSaturating, low).item<float>(), 5);
    }

    [Fact]
    public void R1_is_gamma_half_times_the_squared_input_gradient()
    {
        using var scope = NewDisposeScope();
        var x = full(new long[] { 2, 3, 4, 4 }, 0.5f).requires_grad_(true);
        // D(x) = 2 * sum(x): gradient 2 everywhere, |grad|^2 = 4 * 48 per image.
        var logits = (x.sum([1, 2, 3]) * 2);

        var penalty = R1Penalty.Compute([x], [logits], gamma: 10);

        Assert.Equal(5f * 4 * 48, penalty.item<float>(), 2);
    }

    [Fact]
    public void DiffAugment_keeps_shapes_changes_pixels_and_passes_gradients()
    {
        using var scope = NewDisposeScope();
        using var random = new Generator(1, CPU);
        var x = rand(new long[] { 4, 6, 16, 16 }, generator: random).requires_grad_(true);

        var y = DiffAugment.Apply(x, random);
        y.sum().backward();

        Assert.Equal(x.shape, y.shape);
        Assert.False(x.detach().allclose(y.detach()));
        Assert.True(x.grad is not null && x.grad.abs().sum().item<float>() > 0);
    }
}
