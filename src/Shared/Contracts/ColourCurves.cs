namespace MelanoGans.Shared.Contracts;

/// <summary>The normalised 256-bin histograms of one image set, per channel, for charts.</summary>
public sealed record ColourCurves(string Name, int ImageCount, double[] Red, double[] Green, double[] Blue);
