namespace MelanoGans.Shared.Imaging;

/// <summary>Colour statistics of two image sets: per-channel distances and their means over the three channels.</summary>
/// <param name="Channels">Red, green and blue, in that order.</param>
/// <param name="MeanJensenShannon">Mean of the three channels' Jensen-Shannon divergences.</param>
/// <param name="MeanWasserstein1">Mean of the three channels' Wasserstein-1 distances.</param>
public sealed record ColourComparison(IReadOnlyList<ChannelDistance> Channels, double MeanJensenShannon, double MeanWasserstein1);
