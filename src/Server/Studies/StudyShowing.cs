namespace MelanoGans.Server.Studies;

/// <summary>
/// One place of one rater's sequence and the token its image is served under (<c>/study-images/{Token}</c>). Each
/// showing gets a fresh random token bound to its rater: two raters never share a URL, a repeated item comes back under
/// a new one (the browser cache cannot tell it is a repeat), and a token of another rater is an unknown one.
/// </summary>
/// <remarks>The row also holds the rater's draft for that place: the answer chosen but not submitted yet.</remarks>
public sealed class StudyShowing
{
    public long Id { get; set; }

    public int StudyId { get; set; }

    /// <summary>Identity user id of the rater the token is bound to.</summary>
    public required string RaterId { get; set; }

    /// <summary>The place in the rater's sequence.</summary>
    public int Position { get; set; }

    public long ItemId { get; set; }

    /// <summary>Opaque random token of this showing; see <see cref="StudyTokens"/>.</summary>
    public required string Token { get; set; }

    /// <summary>The image on the right of a paired trial (<see cref="ItemId"/> is on the left); null for a 6-point trial.</summary>
    public long? PairItemId { get; set; }

    /// <summary>The token of the right image of a paired trial.</summary>
    public string? PairToken { get; set; }

    /// <summary>When a timed image was shown (its exposure over); null until then. It is never shown or served again.</summary>
    public DateTimeOffset? ShownAt { get; set; }

    /// <summary>The exposure the page measured when it showed the timed image.</summary>
    public int? ShownExposureMs { get; set; }

    /// <summary>The 6-point answer chosen but not submitted yet.</summary>
    public int? DraftResponse { get; set; }

    /// <summary>The artifact tags toggled on but not submitted yet.</summary>
    public List<string> DraftTags { get; set; } = [];

    /// <summary>The comment typed but not submitted yet.</summary>
    public string? DraftComment { get; set; }

    /// <summary>A diagnosis study's pick chosen but not submitted (an ISIC name); null for none.</summary>
    public string? DraftDiagnosis { get; set; }
}
