namespace MelanoGans.Shared.Contracts;

/// <summary>An image set a person can pick for a comparison, with the name to show.</summary>
public sealed record ImageSetOption(ImageSetRef Ref, string Name, int ImageCount);
