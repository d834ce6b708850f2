using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace MelanoGans.Training.Losses;

/// <summary>Discriminator and generator losses, summed over pyramid levels so every scale counts equally.</summary>
public static class AdversarialLoss
{
    /// <summary>Parses the <c>--loss</c> value.</summary>
    public static GanLoss Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "lsgan" => GanLoss.Lsgan,
        "nonsaturating" or "non-saturating" => GanLoss.NonSaturating,
        _ => throw new ArgumentException($"unknown loss '{name}' (expected lsgan or nonsaturating)"),
    };

    public static string ToName(this GanLoss loss) => loss == GanLoss.Lsgan ? "lsgan" : "nonsaturating";

    public static Tensor Discriminator(GanLoss loss, IReadOnlyList<Tensor> real, IReadOnlyList<Tensor> fake)
    {
        Tensor? total = null;
        for (var k = 0; k < real.Count; k++)
        {
            var level = loss == GanLoss.Lsgan
                ? 0.5 * ((real[k] - 1).square().mean() + fake[k].square().mean())
                : F.softplus(-real[k]).mean() + F.softplus(fake[k]).mean();
            total = total is null ? level : total + level;
        }

        return total!;
    }

    public static Tensor Generator(GanLoss loss, IReadOnlyList<Tensor> fake)
    {
        Tensor? total = null;
        foreach (var logits in fake)
        {
            var level = loss == GanLoss.Lsgan
                ? 0.5 * (logits - 1).square().mean()
                : F.softplus(-logits).mean();
            total = total is null ? level : total + level;
        }

        return total!;
    }
}
