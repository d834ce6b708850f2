namespace MelanoGans.Server.Models;

/// <summary>
/// A registered generator. Its files live in <c>&lt;data&gt;/models/&lt;sha256&gt;/</c> (<c>generator.onnx</c> +
/// <c>generator.json</c>); the row repeats the manifest so lists need not read files.
/// </summary>
public sealed class GeneratorModel
{
    public int Id { get; set; }

    /// <summary>Unique display name; generated pools and the ratings table name their source by it.</summary>
    public required string Name { get; set; }

    /// <summary>dcgan, lapgan, ddgan-upsample or ddgan-deconv.</summary>
    public required string Architecture { get; set; }

    /// <summary>Side of the square output in pixels.</summary>
    public int Resolution { get; set; }

    /// <summary>The manifest's latent inputs as JSON (<see cref="Shared.Contracts.GeneratorInput"/> list, graph order).</summary>
    public required string InputsJson { get; set; }

    /// <summary>Name of the graph's image output.</summary>
    public required string Output { get; set; }

    /// <summary>The dataset of the training run, as the trainer was given it (a name: the manifest's).</summary>
    public required string Dataset { get; set; }

    /// <summary>
    /// The studio's dataset a training job of this studio trained it on (metrics compare with it); null for uploads and
    /// the demo, whose training data is known only by the manifest's name.
    /// </summary>
    public int? TrainingDatasetId { get; set; }

    /// <summary>The class filter of the training run, or null when all classes were used.</summary>
    public string? Class { get; set; }

    /// <summary>Test fraction of the experiment split its training left out (generator.json's held_out), if any.</summary>
    public double? HeldOutTestFraction { get; set; }

    /// <summary>Split seed of that held-out split.</summary>
    public long? HeldOutSplitSeed { get; set; }

    /// <summary>Training step of the exported weights.</summary>
    public long Step { get; set; }

    /// <summary>Lower-case hex SHA-256 of <c>generator.onnx</c>; one model per file.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Where it came from: "demo", "upload", "training job 12".</summary>
    public required string Origin { get; set; }

    /// <summary>The ONNX file relative to the data directory, so the data directory can move.</summary>
    public required string OnnxPath { get; set; }

    public long FileBytes { get; set; }

    /// <summary>Image-store addresses of the samples rendered by the validation inference, comma separated.</summary>
    public string SampleSha256s { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
