using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Tests.Datasets;

public class IsicGroundTruthCsvTests
{
    [Fact]
    public void Parses_the_archive_format_with_float_flags()
    {
        var result = IsicGroundTruthCsv.Parse("""
            image_id,melanoma,seborrheic_keratosis
            ISIC_0000000,0.0,0.0
            ISIC_0000002,1.0,0.0
            ISIC_0000015,0.0,1.0
            """);

        Assert.True(result.IsValid);
        Assert.Equal(
            [("ISIC_0000000", LesionClass.Nevus, 2), ("ISIC_0000002", LesionClass.Melanoma, 3), ("ISIC_0000015", LesionClass.SeborrheicKeratosis, 4)],
            result.Rows.Select(r => (r.ImageId, r.Class, r.Line)));
    }

    [Fact]
    public void Accepts_integer_flags_any_column_order_extra_columns_bom_crlf_quotes_and_blank_lines()
    {
        var result = IsicGroundTruthCsv.Parse("\uFEFFseborrheic_keratosis,image_id,melanoma,note\r\n1,\"ISIC_1\",0,\"a, b\"\r\n\r\n0,ISIC_2,1,\r\n");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal([LesionClass.SeborrheicKeratosis, LesionClass.Melanoma], result.Rows.Select(r => r.Class));
        Assert.Equal(4, result.Rows[1].Line);
    }

    [Fact]
    public void Both_flags_set_is_an_error_on_its_line_and_other_rows_survive()
    {
        var result = IsicGroundTruthCsv.Parse("image_id,melanoma,seborrheic_keratosis\nISIC_1,1,1\nISIC_2,0,0\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("both 1", error.Message);
        Assert.Equal("ISIC_2", Assert.Single(result.Rows).ImageId);
        Assert.StartsWith("line 2: ", error.ToString());
    }

    [Theory]
    [InlineData("image_id,melanoma\nISIC_1,0\n", "seborrheic_keratosis")]
    [InlineData("id,melanoma,seborrheic_keratosis\nISIC_1,0,0\n", "image_id")]
    [InlineData("file,label\na.png,nevus\n", "image_id, melanoma, seborrheic_keratosis")]
    public void Missing_columns_give_one_header_error_and_no_rows(string csv, string missing)
    {
        var result = IsicGroundTruthCsv.Parse(csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains(missing, error.Message);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("ISIC_1,2,0", "melanoma must be 0 or 1, got '2'")]
    [InlineData("ISIC_1,0,yes", "seborrheic_keratosis must be 0 or 1, got 'yes'")]
    [InlineData("ISIC_1,0.5,0", "melanoma must be 0 or 1")]
    [InlineData("ISIC_1,0", "expected 3 fields, found 2")]
    [InlineData("ISIC_1,0,0,0", "expected 3 fields, found 4")]
    [InlineData(",0,0", "image_id is empty")]
    [InlineData("../secret,0,0", "without path separators")]
    [InlineData("\"ISIC_1,0,0", "unterminated quoted field")]
    [InlineData("\"ISIC_1\"x,0,0", "after a closing quote")]
    public void Malformed_rows_are_reported_with_their_line(string row, string message)
    {
        var result = IsicGroundTruthCsv.Parse($"image_id,melanoma,seborrheic_keratosis\nISIC_0,0,0\n{row}\nISIC_9,1,0\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Equal(["ISIC_0", "ISIC_9"], result.Rows.Select(r => r.ImageId));
    }

    [Fact]
    public void Duplicate_ids_keep_the_first_row_and_report_the_rest()
    {
        var result = IsicGroundTruthCsv.Parse("image_id,melanoma,seborrheic_keratosis\nISIC_1,1,0\nISIC_1,1,0\nISIC_1,0,0\n");

        Assert.Equal(LesionClass.Melanoma, Assert.Single(result.Rows).Class);
        Assert.Equal([3, 4], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Contains("duplicate image_id ISIC_1 (first on line 2)", e.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Empty_file_is_an_error(string csv)
    {
        var result = IsicGroundTruthCsv.Parse(csv);
        Assert.Contains("empty", Assert.Single(result.Errors).Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Duplicate_header_column_is_an_error()
    {
        var result = IsicGroundTruthCsv.Parse("image_id,melanoma,melanoma,seborrheic_keratosis\nISIC_1,0,0,0\n");
        Assert.Contains("appears twice", Assert.Single(result.Errors).Message);
    }
}
