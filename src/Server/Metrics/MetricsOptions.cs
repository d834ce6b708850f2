namespace MelanoGans.Server.Metrics;

/// <summary>Generator metrics on the server. Bound from <c>Studio:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Studio:Metrics";

    /// <summary>
    /// Queue a metrics job when a model is registered by an upload or a training job (against the dataset its manifest
    /// names). The demo generator registered at start is left alone: its job would take the first minutes of a fresh
    /// two-core machine; an admin starts it from the Models page.
    /// </summary>
    public bool OnRegister { get; set; } = true;

    /// <summary>
    /// The feature network of metrics jobs: <c>resnet18</c> (built in) or the path of an extractor manifest on the
    /// worker machines (docs/metrics.md); every result names it.
    /// </summary>
    public string Extractor { get; set; } = "resnet18";
}
