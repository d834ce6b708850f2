using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Tests.Datasets;

public class LabelledFileCsvTests
{
    [Fact]
    public void Parses_isic_and_enum_labels_and_subfolders()
    {
        var result = LabelledFileCsv.Parse("file,label\na.png,melanoma\nsub/b.jpg,SeborrheicKeratosis\nsub\\c.jpeg, Nevus \n");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            [("a.png", LesionClass.Melanoma), ("sub/b.jpg", LesionClass.SeborrheicKeratosis), ("sub/c.jpeg", LesionClass.Nevus)],
            result.Rows.Select(r => (r.File, r.Class)));
    }

    [Theory]
    [InlineData("x.png,basal_cell_carcinoma", "unknown label 'basal_cell_carcinoma'")]
    [InlineData("x.png,", "unknown label ''")]
    [InlineData("../x.png,nevus", "must not contain '..'")]
    [InlineData("a/../../x.png,nevus", "must not contain '..'")]
    [InlineData("/etc/passwd,nevus", "relative")]
    [InlineData("C:\\x.png,nevus", "relative")]
    [InlineData(",nevus", "file is empty")]
    [InlineData("a//b.png,nevus", "empty path segments")]
    [InlineData("x.png", "expected 2 fields, found 1")]
    public void Bad_rows_are_reported_with_their_line_and_the_rest_survive(string row, string message)
    {
        var result = LabelledFileCsv.Parse($"file,label\nok1.png,nevus\n{row}\nok2.png,melanoma\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Equal(["ok1.png", "ok2.png"], result.Rows.Select(r => r.File));
    }

    [Fact]
    public void Duplicate_files_are_reported()
    {
        var result = LabelledFileCsv.Parse("file,label\na.png,nevus\na.png,melanoma\n");
        Assert.Equal("duplicate file a.png (first on line 2)", Assert.Single(result.Errors).Message);
        Assert.Equal(LesionClass.Nevus, Assert.Single(result.Rows).Class);
    }

    [Fact]
    public void Missing_label_column_is_a_header_error()
    {
        var result = LabelledFileCsv.Parse("file,class\na.png,nevus\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("missing column label", error.Message);
    }

    [Fact]
    public void Reads_from_a_text_reader()
    {
        using var reader = new StringReader("label,file\nmelanoma,m.png\n");
        Assert.Equal(LesionClass.Melanoma, Assert.Single(LabelledFileCsv.Parse(reader).Rows).Class);
    }

    [Fact]
    public void Labels_as_written_keep_any_text_and_the_same_path_and_duplicate_rules()
    {
        var text = "file,label\na.png, Melanoma \nsub\\b.png,benign\n../c.png,nevus\nd.png,\na.png,nevus\n";

        var parsed = LabelledFileCsv.ParseLabels(new StringReader(text));

        Assert.Equal([new LabelledPath(2, "a.png", "Melanoma"), new LabelledPath(3, "sub/b.png", "benign")], parsed.Rows);
        Assert.Equal([4, 5, 6], parsed.Errors.Select(e => e.Line));
        Assert.Contains("..", parsed.Errors[0].Message);
        Assert.Equal("label is empty", parsed.Errors[1].Message);
        Assert.Equal("duplicate file a.png (first on line 2)", parsed.Errors[2].Message);
    }

    [Fact]
    public void Lesion_classes_and_labels_as_written_read_the_same_rows()
    {
        var text = "label,file,source\nmelanoma,x/1.png,isic\nnevus,2.png,isic\n";

        var classes = LabelledFileCsv.Parse(text);
        var labels = LabelledFileCsv.ParseLabels(new StringReader(text));

        Assert.Equal(classes.Rows.Select(r => (r.Line, r.File, r.Class.ToIsicName())), labels.Rows.Select(r => (r.Line, r.File, r.Label)));
    }
}
