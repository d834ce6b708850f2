using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Studies;

namespace MelanoGans.Server.Studies;

/// <summary>
/// One frozen item of a started study: the re-encoded presentation image and where it came from. Rows are
/// inserted in shuffled order, so not even the database id follows the truth.
/// </summary>
public sealed class StudyItem
{
    public long Id { get; set; }

    public int StudyId { get; set; }

    /// <summary>
    /// Opaque random id, stable across raters: the ratings table's <c>item</c> (agreement statistics need it). Never a
    /// URL: raters receive each showing under a token of its own (<see cref="StudyShowing"/>).
    /// </summary>
    public required string Token { get; set; }

    public RatingTruth Truth { get; set; }

    /// <summary>Main, catch or practice (stored as its name).</summary>
    public ItemRole Role { get; set; }

    /// <summary>The real dataset's name or the generating model's name (the ratings table's <c>source</c>).</summary>
    public required string Source { get; set; }

    /// <summary>The lesion class (an ISIC name): a real's label, or the class its generator was trained on; null when unknown.</summary>
    public string? Class { get; set; }

    /// <summary>The dataset image a real item was drawn from.</summary>
    public long? DatasetImageId { get; set; }

    /// <summary>The generated image a fake item was drawn from.</summary>
    public long? GeneratedImageId { get; set; }

    /// <summary>Content address of the source image as stored before re-encoding.</summary>
    public required string SourceSha256 { get; set; }

    /// <summary>Content address of the re-encoded presentation PNG that raters are served.</summary>
    public required string Sha256 { get; set; }
}
