using MelanoGans.Client.Components.Experiments;

namespace MelanoGans.Client.Tests.Components.Experiments;

public sealed class ExperimentFormatTests
{
    [Fact]
    public void Axis_labels_wrap_at_spaces_and_long_ones_end_in_an_ellipsis()
    {
        Assert.Equal(["full real"], ExperimentFormat.Wrap("full real", 22, 4));
        Assert.Equal(["imbalanced + class", "weighting"], ExperimentFormat.Wrap("imbalanced + class weighting", 22, 4));
        Assert.Equal(["imbalanced + DCGAN", "melanomas (dcgan 32px", "melanoma-experiment", "melanoma step 2)"],
            ExperimentFormat.Wrap("imbalanced + DCGAN melanomas (dcgan 32px melanoma-experiment melanoma step 2)", 22, 4));
        Assert.Equal(["a b", "c…"], ExperimentFormat.Wrap("a b c d e f", 3, 2));
        Assert.Equal(["abcd…"], ExperimentFormat.Wrap("abcdefgh", 5, 1));
    }
}
