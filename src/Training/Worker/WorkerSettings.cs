using Microsoft.AspNetCore.Http.Connections.Client;

namespace MelanoGans.Training.Worker;

/// <summary>How <c>melanogans worker</c> connects and where it keeps its runs.</summary>
public sealed record WorkerSettings
{
    /// <summary>Base URL of the studio server, e.g. http://gpu-box:5000.</summary>
    public required Uri Server { get; init; }

    /// <summary>The worker token an admin created on the training page.</summary>
    public required string Token { get; init; }

    /// <summary>
    /// Name the server knows this worker by. A job interrupted on this worker waits for a worker of the same name,
    /// which finds the checkpoint in <see cref="RunsRoot"/>; keep it stable across restarts.
    /// </summary>
    public string Name { get; init; } = Environment.MachineName;

    /// <summary>Run directories (one per job, named by its run key) and downloaded datasets.</summary>
    public required string RunsRoot { get; init; }

    /// <summary>Torch CPU threads; 0 = one per core.</summary>
    public int Threads { get; init; }

    /// <summary>Train one job, then exit.</summary>
    public bool Once { get; init; }

    /// <summary>Stop when this process is gone: the server's local worker must not outlive the server.</summary>
    public int? ParentProcessId { get; init; }

    /// <summary>Exit after this long without a job (the server's local worker gives its memory back); null = never.</summary>
    public TimeSpan? IdleExit { get; init; }

    /// <summary>How often an idle worker asks for work when no "job queued" message arrives.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Progress lines of the worker and the trainer.</summary>
    public TextWriter Log { get; init; } = Console.Out;

    /// <summary>Tests route the hub connection through an in-memory server (its handler and WebSocket client).</summary>
    public Action<HttpConnectionOptions>? ConfigureConnection { get; init; }

    /// <summary>Tests send the HTTP calls through an in-memory server; null = a normal network handler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
