using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Metrics;
using MelanoGans.Training.Data;
using MelanoGans.Training.Networks;
using static TorchSharp.torch;

namespace MelanoGans.Training.Metrics;

/// <summary>
/// FD and KID of the generator against its training images while it trains (<c>--metric-every</c>), like StyleGAN's
/// in-loop FID: the real features are computed once, the generated ones from fixed latents at each measurement, so
/// the curve moves only with the generator.
/// </summary>
public sealed class TrainingMetric : IDisposable
{
    /// <summary>Images per set: enough for KID and a comparable FD curve, few enough to take seconds, not minutes.</summary>
    public const int MaxImages = 500;

    private const int Batch = 32;
    private readonly FeatureExtractor extractor;
    private readonly FeatureMatrix real;
    private readonly long seed;

    /// <param name="seed">The run's seed: the latents of every measurement derive from it.</param>
    public TrainingMetric(ImageFolderDataset dataset, long seed, int threads)
    {
        Count = Math.Min(MaxImages, dataset.Count);
        if (Count < 2) throw new ArgumentException($"--metric-every needs at least 2 training images, the dataset has {dataset.Count}");
        extractor = FeatureExtractor.Open("resnet18", threads);
        try
        {
            // Spread over the dataset, the same images at every measurement.
            real = FeatureMatrix.FromRows(extractor.Extract([.. Enumerable.Range(0, Count).Select(i => dataset.Image((int)((long)i * dataset.Count / Count)))]));
        }
        catch
        {
            extractor.Dispose();
            throw;
        }

        this.seed = seed;
    }

    /// <summary>Images in each set.</summary>
    public int Count { get; }

    /// <summary>FD and KID (mean over subsets) of <paramref name="generator"/>'s images against the real set.</summary>
    public (double Fd, double Kid) Measure(GanGenerator generator, Device device)
    {
        var images = new List<RgbImage>(Count);
        var wasTraining = generator.training;
        generator.eval();
        try
        {
            using var random = new Generator((ulong)EpochOrder.Mix(seed, -3), device);
            while (images.Count < Count)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                var n = Math.Min(Batch, Count - images.Count);
                var output = generator.Generate(generator.SampleLatents(n, random, device));
                var side = (int)output.shape[^1];
                var values = output.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
                for (var i = 0; i < n; i++)
                {
                    images.Add(ImagePixels.FromPlanar(values.AsSpan(i * 3 * side * side, 3 * side * side), side));
                }
            }
        }
        finally
        {
            generator.train(wasTraining);
        }

        var fake = FeatureMatrix.FromRows(extractor.Extract(images));
        return (FrechetDistance.Compute(real, fake), KernelInceptionDistance.Compute(real, fake, seed: (int)seed).Mean);
    }

    public void Dispose() => extractor.Dispose();
}
