using System.Globalization;
using System.Text.Json;
using MelanoGans.Shared.Contracts;
using MelanoGans.Training.Loop;

namespace MelanoGans.Training.Reporting;

/// <summary>Writes what a run reports: console lines, <c>log.txt</c> and <c>stats.jsonl</c>.</summary>
public sealed class RunLog(RunDirectory run, TextWriter console)
{
    private static readonly JsonSerializerOptions TickJson = new() { WriteIndented = false };

    /// <summary>A line for the console and log.txt.</summary>
    public void Line(string message)
    {
        console.WriteLine(message);
        File.AppendAllText(run.Log, string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {message}\n"));
    }

    /// <summary>Appends one stats.jsonl line and prints the progress line with an ETA.</summary>
    public void Tick(TrainingTick tick, TimeSpan remaining)
    {
        File.AppendAllText(run.Stats, JsonSerializer.Serialize(tick, TickJson) + "\n");
        var r1 = tick.LossR1 is { } value ? string.Create(CultureInfo.InvariantCulture, $" r1 {value:F4}") : string.Empty;
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"step {tick.Step}/{tick.TotalSteps} epoch {tick.Epoch} loss_d {tick.LossD:F4} loss_g {tick.LossG:F4}{r1} {tick.ImagesPerSecond:F1} img/s ETA {remaining:hh\\:mm\\:ss}"));
    }

    /// <summary>Keeps only the stats lines up to <paramref name="step"/>, so a resumed run's file reads as one run.</summary>
    public void TruncateStatsAfter(long step)
    {
        if (!File.Exists(run.Stats))
        {
            return;
        }

        var kept = File.ReadLines(run.Stats)
            .Where(line => line.Length > 0 && JsonSerializer.Deserialize<TrainingTick>(line)!.Step <= step)
            .ToList();
        File.WriteAllLines(run.Stats, kept);
    }
}
