using MelanoGans.Shared.Statistics;

namespace MelanoGans.Shared.Tests.Statistics;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("plain.png", "plain.png")]
    [InlineData("a,b.png", "\"a,b.png\"")]
    [InlineData("say \"hi\".png", "\"say \"\"hi\"\".png\"")]
    [InlineData("=HYPERLINK(\"x\").png", "\"'=HYPERLINK(\"\"x\"\").png\"")]
    [InlineData("+1.png", "'+1.png")]
    [InlineData("-2.png", "'-2.png")]
    [InlineData("@sum.png", "'@sum.png")]
    [InlineData("", "")]
    public void Cells_are_quoted_when_needed_and_never_start_a_formula(string value, string written) =>
        Assert.Equal(written, CsvCell.Escape(value));
}
