using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Tests.Datasets;

public class LesionClassNamesTests
{
    [Theory]
    [InlineData(LesionClass.Melanoma, "melanoma")]
    [InlineData(LesionClass.SeborrheicKeratosis, "seborrheic_keratosis")]
    [InlineData(LesionClass.Nevus, "nevus")]
    public void Isic_names_round_trip(LesionClass lesionClass, string name)
    {
        Assert.Equal(name, lesionClass.ToIsicName());
        Assert.True(LesionClassNames.TryParse(name, out var parsed));
        Assert.Equal(lesionClass, parsed);
    }

    [Theory]
    [InlineData("Seborrheic Keratosis", LesionClass.SeborrheicKeratosis)]
    [InlineData(" MELANOMA ", LesionClass.Melanoma)]
    public void Parsing_ignores_case_blanks_and_underscores(string text, LesionClass expected)
    {
        Assert.True(LesionClassNames.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("keratosis")]
    [InlineData("0")]
    public void Unknown_names_do_not_parse(string? text)
    {
        Assert.False(LesionClassNames.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void All_lists_each_class_once_in_isic_order()
    {
        Assert.Equal([LesionClass.Melanoma, LesionClass.SeborrheicKeratosis, LesionClass.Nevus], LesionClassNames.All);
    }
}
