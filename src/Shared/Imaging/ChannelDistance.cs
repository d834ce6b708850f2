namespace MelanoGans.Shared.Imaging;

/// <summary>The distances between two sets' histograms of one channel.</summary>
/// <param name="Channel">The channel compared.</param>
/// <param name="JensenShannon">Jensen-Shannon divergence, log base 2: 0 = identical, 1 = disjoint.</param>
/// <param name="Wasserstein1">Earth mover's distance with bin i at intensity i/255: 0..1.</param>
public sealed record ChannelDistance(ColourChannel Channel, double JensenShannon, double Wasserstein1);
