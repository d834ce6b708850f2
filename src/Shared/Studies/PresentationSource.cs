namespace MelanoGans.Shared.Studies;

/// <summary>One source of a study's items and the resolution its images exist at.</summary>
/// <param name="Name">The real dataset's or the generating model's name, as the ratings table's <c>source</c>.</param>
/// <param name="IsReal">True for the real dataset, false for a generator's pool.</param>
/// <param name="NativeResolution">The side in pixels the source's images have (a dataset's import size, a generator's output).</param>
public sealed record PresentationSource(string Name, bool IsReal, int NativeResolution);
