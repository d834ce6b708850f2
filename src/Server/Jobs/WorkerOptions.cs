using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Server.Jobs;

/// <summary>Training jobs and the local worker. Bound from <c>Studio:Training</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Studio:Training";

    /// <summary>
    /// Start a worker process on this machine when a job is queued and no worker is connected, so a single
    /// machine trains with no set-up. Off in tests unless a test wants it.
    /// </summary>
    public bool LocalWorker { get; set; } = true;

    /// <summary>
    /// The trainer to start: a path to <c>melanogans.dll</c> (run with <c>dotnet</c>) or to an executable. Empty:
    /// the newest <c>src/Training/bin/**/melanogans.dll</c> of the checkout, else <c>melanogans.dll</c> beside the server.
    /// </summary>
    public string? WorkerPath { get; set; }

    /// <summary>
    /// Minutes the local worker waits without a job before it exits and gives its memory back (it is started again
    /// when a job is queued); 0 keeps it until the server stops.
    /// </summary>
    [Range(0, 24 * 60)]
    public double LocalWorkerIdleMinutes { get; set; } = 5;

    /// <summary>Torch CPU threads of the local worker; 0 = one per core.</summary>
    [Range(0, 1024)]
    public int LocalWorkerThreads { get; set; }

    /// <summary>The URL the local worker connects to; empty: the server's first listening address.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>
    /// How long a job interrupted by a disconnect waits for the same worker (which holds its checkpoint)
    /// before any worker may claim it and start over.
    /// </summary>
    [Range(0, 7 * 24 * 3600)]
    public int ResumeGraceSeconds { get; set; } = 600;

    /// <summary>Largest model upload (generator.onnx) accepted from a worker, in MiB.</summary>
    [Range(1, 4096)]
    public int MaxModelMiB { get; set; } = 512;
}
