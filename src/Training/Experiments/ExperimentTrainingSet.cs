namespace MelanoGans.Training.Experiments;

/// <summary>The training images of one arm and seed (real and synthetic alike, as RGB bytes) with their labels.</summary>
/// <param name="Synthetic">How many of the melanomas are synthetic.</param>
internal sealed record ExperimentTrainingSet(IReadOnlyList<byte[]> Pixels, IReadOnlyList<bool> IsMelanoma, int Synthetic = 0)
{
    public int Melanomas => IsMelanoma.Count(m => m);

    public int Others => IsMelanoma.Count - Melanomas;
}
