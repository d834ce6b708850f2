using System.Security.Cryptography;
using System.Text.Json;
using MelanoGans.Training.Loop;
using TorchSharp;

namespace MelanoGans.Training.Checkpoints;

/// <summary>
/// Writes and reads <c>checkpoint_&lt;step&gt;.bin</c> (generator, discriminator, both Adam states, EMA generator)
/// with its <c>.json</c> description. Reading verifies the SHA-256 and the network shapes before touching the
/// session, so a corrupt or foreign checkpoint is refused with a message instead of half-loaded.
/// </summary>
public static class CheckpointStore
{
    public static CheckpointInfo Save(RunDirectory run, TrainingSession session, int epoch)
    {
        var step = session.Step;
        var payload = run.CheckpointPayload(step);
        var temporary = payload + ".tmp";
        // Whatever TorchSharp makes while serialising is freed here, on this thread, not by a finalizer.
        using (var scope = torch.NewDisposeScope())
        using (var stream = File.Create(temporary))
        using (var writer = new BinaryWriter(stream))
        {
            session.Generator.save(writer);
            session.Discriminator.save(writer);
            session.OptimizerG.save_state_dict(writer);
            session.OptimizerD.save_state_dict(writer);
            session.EmaGenerator?.save(writer);
        }

        // Rename last so that a crash mid-write never leaves a checkpoint that looks complete.
        File.Move(temporary, payload, overwrite: true);
        var options = session.Options;
        var info = new CheckpointInfo
        {
            Step = step,
            Epoch = epoch,
            Architecture = options.Architecture,
            Resolution = options.Resolution,
            Latent = options.Latent,
            Width = options.Width,
            HasEma = session.EmaGenerator is not null,
            Seed = options.Seed,
            Payload = Path.GetFileName(payload),
            Sha256 = Sha256Of(payload),
        };
        File.WriteAllText(run.CheckpointInfo(step), JsonSerializer.Serialize(info, TrainOptions.Json));
        return info;
    }

    /// <summary>Reads the description of a checkpoint (the latest when <paramref name="step"/> is null) and verifies it against the run.</summary>
    public static CheckpointInfo Describe(RunDirectory run, TrainOptions options, long? step)
    {
        var steps = run.CheckpointSteps();
        if (steps.Count == 0)
        {
            throw new CheckpointException($"{run.Path} has no checkpoint_*.json");
        }

        var chosen = step ?? steps[^1];
        if (!steps.Contains(chosen))
        {
            throw new CheckpointException($"{run.Path} has no checkpoint at step {chosen} (has {string.Join(", ", steps)})");
        }

        var path = run.CheckpointInfo(chosen);
        CheckpointInfo info;
        try
        {
            info = JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(path), TrainOptions.Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new CheckpointException($"{Path.GetFileName(path)} is corrupt: {e.Message}", e);
        }

        if (info.Format != CheckpointInfo.CurrentFormat)
        {
            throw new CheckpointException($"{Path.GetFileName(path)} has format {info.Format}; this version reads {CheckpointInfo.CurrentFormat}");
        }

        if (info.Architecture != options.Architecture || info.Resolution != options.Resolution
            || info.Latent != options.Latent || info.Width != options.Width || info.Step != chosen)
        {
            throw new CheckpointException(
                $"{Path.GetFileName(path)} does not match this run: checkpoint is {info.Architecture} {info.Resolution}x{info.Resolution} " +
                $"latent {info.Latent} width {info.Width} step {info.Step}, run is {options.Architecture} {options.Resolution}x{options.Resolution} " +
                $"latent {options.Latent} width {options.Width}");
        }

        var payload = Path.Combine(run.Path, info.Payload);
        if (!File.Exists(payload))
        {
            throw new CheckpointException($"{info.Payload} is missing");
        }

        var actual = Sha256Of(payload);
        if (actual != info.Sha256)
        {
            throw new CheckpointException($"{info.Payload} is corrupt: SHA-256 {actual[..12]}... differs from {info.Sha256[..Math.Min(12, info.Sha256.Length)]}... recorded at save");
        }

        return info;
    }

    /// <summary>Loads a verified checkpoint into <paramref name="session"/> (created from the same options).</summary>
    public static void Load(RunDirectory run, CheckpointInfo info, TrainingSession session)
    {
        if (info.HasEma != (session.EmaGenerator is not null))
        {
            throw new CheckpointException($"{info.Payload}: EMA generator {(info.HasEma ? "present" : "absent")} but the run has --ema {session.Options.Ema}");
        }

        try
        {
            using var stream = File.OpenRead(Path.Combine(run.Path, info.Payload));
            using var reader = new BinaryReader(stream);
            session.Generator.load(reader);
            session.Discriminator.load(reader);
            session.OptimizerG.load_state_dict(reader);
            session.OptimizerD.load_state_dict(reader);
            session.EmaGenerator?.load(reader);
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException("trailing bytes after the last tensor");
            }
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException($"{info.Payload} cannot be loaded into a {info.Architecture} network: {e.Message}", e);
        }

        session.Step = info.Step;
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
