namespace MelanoGans.Server.Models;

/// <summary>What validating a generator found: the reasons to refuse it, or the test inference's images.</summary>
/// <param name="Errors">Empty when the model is acceptable.</param>
/// <param name="Samples">The test inference's output for <see cref="GeneratorValidator.SampleSeeds"/>, N x 3 x R x R in [-1, 1].</param>
public sealed record GeneratorValidation(IReadOnlyList<string> Errors, float[] Samples)
{
    public bool Succeeded => Errors.Count == 0;

    public static GeneratorValidation Refused(params string[] errors) => new(errors, []);
}
