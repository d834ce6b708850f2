using MelanoGans.Training.Data;
using MelanoGans.Training.Platform;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanoGans.Training.Experiments;

/// <summary>Trains one <see cref="LesionClassifier"/> for a fixed number of steps and scores the test images.</summary>
internal static class ClassifierTraining
{
    private const int EvaluationBatch = 100;

    /// <summary>Melanoma probabilities of <paramref name="testPixels"/> after training on <paramref name="train"/>.</summary>
    /// <param name="device">Where the network trains and scores (the initial weights are drawn on the CPU, so they do not depend on it).</param>
    /// <param name="stepDone">Called with the count of steps done after every step.</param>
    /// <param name="cancel">Checked before every step.</param>
    public static double[] TrainAndScore(
        ExperimentTrainingSet train, ExperimentArmKind kind, IReadOnlyList<byte[]> testPixels, int resolution, int width,
        int steps, int batch, double lr, long seed, Device device, Action<int>? stepDone = null, CancellationToken cancel = default)
    {
        NativeRuntime.UseLibTorchConvolutions();
        using var model = new LesionClassifier(resolution, width);
        using (var random = new Generator((ulong)EpochOrder.Mix(seed, 1), CPU))
        {
            model.Initialise(random);
        }

        model.to(device);

        using var optimizer = optim.Adam(model.parameters(), lr);
        var pool = SamplingPool(train, kind == ExperimentArmKind.Oversampled);

        // Inverse class frequency, normalised so the mean weight over the training set stays 1 and the learning
        // rate means the same in every arm.
        var (melanomaWeight, otherWeight) = kind == ExperimentArmKind.Weighted
            ? (train.IsMelanoma.Count / (2.0 * train.Melanomas), train.IsMelanoma.Count / (2.0 * train.Others))
            : (1.0, 1.0);
        var flips = new Random((int)(EpochOrder.Mix(seed, 3) & int.MaxValue));
        var orderSeed = EpochOrder.Mix(seed, 2);
        var epoch = 0;
        var order = EpochOrder.For(orderSeed, epoch, pool.Length);
        var position = 0;
        var indices = new int[Math.Min(batch, pool.Length)];

        model.train();
        for (var step = 0; step < steps; step++)
        {
            cancel.ThrowIfCancellationRequested();
            for (var k = 0; k < indices.Length; k++)
            {
                if (position == order.Length)
                {
                    order = EpochOrder.For(orderSeed, ++epoch, pool.Length);
                    position = 0;
                }

                indices[k] = pool[order[position++]];
            }

            using var scope = NewDisposeScope();
            var images = ImageDecoding.ToTensor(train.Pixels, indices, resolution).to(device);

            // Lesion classes do not change under mirroring: flips are free extra data for the few melanomas.
            if (flips.Next(2) == 1)
            {
                images = images.flip(3);
            }

            if (flips.Next(2) == 1)
            {
                images = images.flip(2);
            }

            var targets = tensor(indices.Select(i => train.IsMelanoma[i] ? 1f : 0f).ToArray(), device: device);
            var weights = tensor(indices.Select(i => (float)(train.IsMelanoma[i] ? melanomaWeight : otherWeight)).ToArray(), device: device);
            var loss = nn.functional.binary_cross_entropy_with_logits(model.call(images), targets, weights);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            stepDone?.Invoke(step + 1);
        }

        return Score(model, testPixels, resolution, device);
    }

    /// <summary>Melanoma probabilities in eval mode (BatchNorm running statistics) without gradients.</summary>
    public static double[] Score(LesionClassifier model, IReadOnlyList<byte[]> pixels, int resolution, Device device)
    {
        model.eval();
        using var noGrad = no_grad();
        var scores = new double[pixels.Count];
        for (var start = 0; start < pixels.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var indices = Enumerable.Range(start, Math.Min(EvaluationBatch, pixels.Count - start)).ToArray();
            var probabilities = sigmoid(model.call(ImageDecoding.ToTensor(pixels, indices, resolution).to(device))).cpu().data<float>().ToArray();
            for (var k = 0; k < indices.Length; k++)
            {
                scores[start + k] = probabilities[k];
            }
        }

        return scores;
    }

    /// <summary>
    /// The indices an epoch visits: every image once, or, when oversampling, every other lesion once and the
    /// melanomas cycled until they are as many.
    /// </summary>
    private static int[] SamplingPool(ExperimentTrainingSet train, bool oversample)
    {
        var all = Enumerable.Range(0, train.IsMelanoma.Count).ToArray();
        if (!oversample)
        {
            return all;
        }

        var melanomas = all.Where(i => train.IsMelanoma[i]).ToArray();
        var others = all.Where(i => !train.IsMelanoma[i]).ToArray();
        return [.. others, .. Enumerable.Range(0, Math.Max(others.Length, melanomas.Length)).Select(k => melanomas[k % melanomas.Length])];
    }
}
