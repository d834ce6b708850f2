using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>ResNet basic block: two 3x3 convolutions with BatchNorm and an identity (or 1x1 projection) shortcut.</summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d norm2;
    private readonly Sequential? shortcut;

    public ResidualBlock(long input, long output, long stride)
        : base(nameof(ResidualBlock))
    {
        conv1 = nn.Conv2d(input, output, kernel_size: 3, stride: stride, padding: 1L, bias: false);
        norm1 = nn.BatchNorm2d(output);
        conv2 = nn.Conv2d(output, output, kernel_size: 3, stride: 1, padding: 1L, bias: false);
        norm2 = nn.BatchNorm2d(output);

        // The sum needs equal shapes: project the input when the block changes channels or side.
        if (stride != 1 || input != output)
        {
            shortcut = nn.Sequential(nn.Conv2d(input, output, kernel_size: 1, stride: stride, bias: false), nn.BatchNorm2d(output));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.relu(norm1.call(conv1.call(x)));
        y = norm2.call(conv2.call(y));
        var skip = shortcut is null ? x : shortcut.call(x);
        return nn.functional.relu(y + skip).MoveToOuterDisposeScope();
    }
}
