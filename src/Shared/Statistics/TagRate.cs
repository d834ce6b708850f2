namespace MelanoGans.Shared.Statistics;

/// <summary>How often one artifact tag was given to a source's images.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="Rate">Answers carrying the tag / answers on the source, with its Wilson interval.</param>
public sealed record TagRate(string Tag, ProportionEstimate Rate);
