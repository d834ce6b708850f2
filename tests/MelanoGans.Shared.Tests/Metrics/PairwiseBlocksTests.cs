using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class PairwiseBlocksTests
{
    private static double[,] All(FeatureMatrix a, FeatureMatrix b, PairKind kind)
    {
        var values = new double[a.Rows, b.Rows];
        PairwiseBlocks.ForEachRowBlock(a, b, kind, (first, count, block) =>
        {
            for (var r = 0; r < count; r++)
            {
                for (var j = 0; j < b.Rows; j++)
                {
                    values[first + r, j] = block[r * b.Rows + j];
                }
            }
        });
        return values;
    }

    private static double Naive(ReadOnlySpan<float> x, ReadOnlySpan<float> y, PairKind kind)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += kind == PairKind.Dot ? (double)x[i] * y[i] : ((double)x[i] - y[i]) * ((double)x[i] - y[i]);
        }

        return sum;
    }

    [Theory]
    [InlineData(false, 13)]
    [InlineData(true, 13)]
    [InlineData(false, 3)]
    [InlineData(true, 70)]
    public void Every_pair_matches_a_plain_loop_across_block_and_vector_tails(bool dot, int columns)
    {
        var kind = dot ? PairKind.Dot : PairKind.SquaredEuclidean;
        // 37 and 45 rows: partial blocks of 32, partial tiles, groups of four with remainders.
        var a = FeatureSets.Gaussian(37, columns, seed: 71, mean: 0.5);
        var b = FeatureSets.Gaussian(45, columns, seed: 72);

        var values = All(a, b, kind);

        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Rows; j++)
            {
                var expected = Naive(a.Row(i), b.Row(j), kind);
                Assert.Equal(expected, values[i, j], 1e-12 * Math.Max(1, Math.Abs(expected)));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_pair_gives_the_same_bits_in_either_order(bool dot)
    {
        var kind = dot ? PairKind.Dot : PairKind.SquaredEuclidean;
        // The k-NN rules compare a real-real distance with a real-generated one of the same two rows.
        var a = FeatureSets.Gaussian(37, 13, seed: 73);
        var b = FeatureSets.Gaussian(45, 13, seed: 74);

        var ab = All(a, b, kind);
        var ba = All(b, a, kind);

        for (var i = 0; i < a.Rows; i++)
        {
            for (var j = 0; j < b.Rows; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(ab[i, j]), BitConverter.DoubleToInt64Bits(ba[j, i]));
            }
        }
    }
}
