namespace MelanoGans.Server.Models;

/// <summary>
/// Accepts generators (<c>generator.onnx</c> + <c>generator.json</c>) from finished training runs, admin
/// uploads and the shipped demo. Every model is validated before it is accepted: the manifest's sha256
/// matches the file, the graph's inputs and output have the declared shapes, and one test inference runs.
/// </summary>
public interface IModelRegistry
{
    /// <param name="onnx">The ONNX file's bytes.</param>
    /// <param name="manifestJson">The <c>generator.json</c> bytes (<see cref="Shared.Contracts.GeneratorManifest"/>).</param>
    /// <param name="origin">Where it came from, shown to admins: "training job 12", "upload", "demo".</param>
    /// <param name="trainingDatasetId">The studio's dataset it was trained on, when a training job of this studio made it.</param>
    Task<ModelRegistration> RegisterAsync(byte[] onnx, byte[] manifestJson, string origin, int? trainingDatasetId = null, CancellationToken ct = default);
}
