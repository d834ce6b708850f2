namespace MelanoGans.Shared.Statistics;

/// <summary>How often one generating model fooled the raters.</summary>
/// <param name="Model">The model (a source whose items are all fake).</param>
/// <param name="DeceptionRate">Fakes called real / answers on the model's fakes, with its Wilson interval.</param>
public sealed record ModelDeception(string Model, ProportionEstimate DeceptionRate);
