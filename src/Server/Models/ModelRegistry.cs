using System.Text.Json;
using MelanoGans.Server.Data;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Images;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Imaging;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Models;

/// <summary>
/// Validates and stores generators. Registration is idempotent by the ONNX file's sha256 and manifest (a
/// worker that retries an upload gets the same model back) and serialised, so two uploads of one file
/// make one row (across instances too: an insert that loses the race reads the winner's row); the same file
/// with a manifest that says something else is checked and refused.
/// </summary>
internal sealed class ModelRegistry(
    IServiceScopeFactory scopes,
    GeneratorValidator validator,
    ModelFiles files,
    ImageStore images,
    IStudioEvents events,
    ILogger<ModelRegistry> logger) : IModelRegistry
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ModelRegistration> RegisterAsync(byte[] onnx, byte[] manifestJson, string origin, int? trainingDatasetId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(manifestJson);
        var (manifest, errors) = ManifestReader.Parse(manifestJson);
        if (manifest is null) return Refuse(origin, errors);
        var sha = ContentAddress.Sha256Hex(onnx);
        if (sha != manifest.Sha256)
        {
            return Refuse(origin, [$"The manifest's sha256 ({Short(manifest.Sha256)}…) does not match generator.onnx ({Short(sha)}…): "
                + "the two files do not belong together, or one of them was changed."]);
        }

        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
                var existing = await db.GeneratorModels.AsNoTracking().SingleOrDefaultAsync(m => m.Sha256 == sha, ct);
                if (existing is not null && Describes(existing, manifest)) return new ModelRegistration(existing.Id, []);

                // A file registered before but described differently now is checked again, for the reason to show.
                var validation = await Task.Run(() => validator.Validate(onnx, manifest), ct);
                if (!validation.Succeeded) return Refuse(origin, validation.Errors);
                if (existing is not null)
                    return Refuse(origin, [$"This generator.onnx is already registered as {existing.Name}, with a manifest that says otherwise."]);

                var samples = await StoreSamplesAsync(validation.Samples, manifest.Resolution, ct);
                var model = new GeneratorModel
                {
                    Name = await UniqueNameAsync(db, manifest, ct),
                    Architecture = manifest.Architecture,
                    Resolution = manifest.Resolution,
                    InputsJson = JsonSerializer.Serialize(manifest.Inputs),
                    Output = manifest.Output,
                    Dataset = manifest.Dataset,
                    TrainingDatasetId = trainingDatasetId,
                    Class = manifest.Class,
                    HeldOutTestFraction = manifest.HeldOut?.TestFraction,
                    HeldOutSplitSeed = manifest.HeldOut?.SplitSeed,
                    Step = manifest.Step,
                    Sha256 = sha,
                    Origin = origin,
                    OnnxPath = await files.WriteAsync(sha, onnx, manifestJson, ct),
                    FileBytes = onnx.LongLength,
                    SampleSha256s = string.Join(',', samples),
                };
                db.GeneratorModels.Add(model);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
                {
                    // Another instance (the gate is per process) registered this file or took the name between the read
                    // and the insert, as two instances starting at once both register the demo: read again.
                    continue;
                }

                logger.LogInformation("Registered model {ModelId} {Name} ({Architecture} {Resolution}px) from {Origin}",
                    model.Id, model.Name, model.Architecture, model.Resolution, origin);
                events.Publish(new ModelRegistered(model.Id, model.Name));
                return new ModelRegistration(model.Id, []);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>True when a new manifest for an already registered file says what the registered one said.</summary>
    private static bool Describes(GeneratorModel model, GeneratorManifest manifest) =>
        model.Architecture == manifest.Architecture
        && model.Resolution == manifest.Resolution
        && model.Output == manifest.Output
        && model.InputsJson == JsonSerializer.Serialize(manifest.Inputs)
        && model.Dataset == manifest.Dataset
        && model.Class == manifest.Class
        && model.Step == manifest.Step;

    private ModelRegistration Refuse(string origin, IReadOnlyList<string> errors)
    {
        logger.LogWarning("Refused a model from {Origin}: {Errors}", origin, string.Join(" ", errors));
        return new ModelRegistration(null, errors);
    }

    private async Task<List<string>> StoreSamplesAsync(float[] samples, int resolution, CancellationToken ct)
    {
        var size = 3 * resolution * resolution;
        var shas = new List<string>();
        for (var offset = 0; offset + size <= samples.Length; offset += size)
        {
            var png = ImageCodec.EncodePng(ImagePixels.FromPlanar(samples.AsSpan(offset, size), resolution));
            shas.Add(await images.PutAsync(png, ct));
        }
        return shas;
    }

    /// <summary>"dcgan 64px phantom melanoma step 3000", with " #2" and so on when that name is taken.</summary>
    private static async Task<string> UniqueNameAsync(StudioDbContext db, GeneratorManifest manifest, CancellationToken ct)
    {
        var label = string.IsNullOrWhiteSpace(manifest.Class) ? "" : " " + manifest.Class;
        var stem = $"{manifest.Architecture} {manifest.Resolution}px {ManifestReader.DatasetName(manifest.Dataset)}{label} step {manifest.Step}";
        if (stem.Length > 180) stem = stem[..180];
        var taken = await db.GeneratorModels.Where(m => m.Name.StartsWith(stem)).Select(m => m.Name).ToListAsync(ct);
        var name = stem;
        for (var n = 2; taken.Contains(name); n++) name = $"{stem} #{n}";
        return name;
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
