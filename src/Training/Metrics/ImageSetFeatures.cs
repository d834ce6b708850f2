using MelanoGans.Shared.Metrics;

namespace MelanoGans.Training.Metrics;

/// <summary>Feature rows and 64x64 RGB thumbnails (bytes, H x W x 3) of one image set, in the same order.</summary>
public sealed record ImageSetFeatures(float[][] Features, byte[][] Thumbnails)
{
    public int Count => Features.Length;

    /// <summary>The features as the metrics take them.</summary>
    public FeatureMatrix FeatureMatrix() => Shared.Metrics.FeatureMatrix.FromRows(Features);

    /// <summary>Thumbnails as rows of floats in 0-1, for the pixel-space memorisation check.</summary>
    public FeatureMatrix PixelMatrix()
    {
        var columns = Thumbnails[0].Length;
        var data = new float[Count * columns];
        for (var i = 0; i < Count; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                data[(i * columns) + j] = Thumbnails[i][j] / 255f;
            }
        }

        return new FeatureMatrix(Count, columns, data);
    }
}
