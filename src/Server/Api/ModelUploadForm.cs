namespace MelanoGans.Server.Api;

/// <summary>The multipart form of a model upload (described in the OpenAPI document; read by <see cref="ModelApiUpload"/>).</summary>
public sealed class ModelUploadForm
{
    /// <summary>generator.onnx.</summary>
    public required IFormFile Onnx { get; init; }

    /// <summary>generator.json, the manifest.</summary>
    public required IFormFile Manifest { get; init; }
}
