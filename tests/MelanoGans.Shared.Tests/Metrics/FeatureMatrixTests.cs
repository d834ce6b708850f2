using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class FeatureMatrixTests
{
    [Fact]
    public void Rows_are_views_in_row_major_order()
    {
        var m = new FeatureMatrix(2, 3, [1, 2, 3, 4, 5, 6]);

        Assert.Equal([4f, 5f, 6f], m.Row(1).ToArray());
        Assert.Equal((2, 3), (m.Rows, m.Columns));
    }

    [Fact]
    public void From_rows_copies_equal_rows()
    {
        var m = FeatureMatrix.FromRows([[1, 2], [3, 4], [5, 6]]);

        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], m.Data);
        Assert.Equal(3, m.Rows);
    }

    [Fact]
    public void Refuses_data_of_the_wrong_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new FeatureMatrix(2, 3, new float[5]));

        Assert.StartsWith("a 2 x 3 feature matrix needs 6 values, not 5", error.Message);
    }

    [Fact]
    public void From_rows_refuses_no_rows_and_ragged_rows()
    {
        Assert.StartsWith("a feature matrix needs at least one row", Assert.Throws<ArgumentException>(() => FeatureMatrix.FromRows([])).Message);
        Assert.StartsWith(
            "row 1 has 1 values but row 0 has 2",
            Assert.Throws<ArgumentException>(() => FeatureMatrix.FromRows([[1, 2], [3]])).Message);
    }
}
