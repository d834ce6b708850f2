using static TorchSharp.torch;

namespace MelanoGans.Training.Losses;

/// <summary>
/// R1 (Mescheder et al. 2018): gamma/2 times the squared gradient norm of D's output with respect to real
/// inputs. It keeps D smooth on the data, which matters most when the data set is small.
/// </summary>
public static class R1Penalty
{
    /// <param name="realInputs">Discriminator inputs per level, created with requires_grad.</param>
    /// <param name="realLogits">D's logits for them, still attached to the graph.</param>
    /// <param name="gamma">Weight; the penalty is gamma/2 * E[|grad|^2] summed over levels.</param>
    public static Tensor Compute(IReadOnlyList<Tensor> realInputs, IReadOnlyList<Tensor> realLogits, double gamma)
    {
        var outputs = realLogits.Select(l => l.sum()).ToList();
        var gradients = autograd.grad(outputs, realInputs.ToList(), retain_graph: true, create_graph: true);
        Tensor? total = null;
        foreach (var gradient in gradients)
        {
            var level = gradient.square().sum([1, 2, 3]).mean();
            total = total is null ? level : total + level;
        }

        return total! * (gamma / 2);
    }
}
