using System.CommandLine;
using MelanoGans.Training.Worker;

namespace MelanoGans.Training.Commands;

/// <summary><c>melanogans worker --server URL --token T</c>: trains the server's queued jobs (see <see cref="TrainingWorker"/>).</summary>
internal static class WorkerCommand
{
    /// <summary>Where the token may come from instead of the command line, which other users of the machine can list.</summary>
    public const string TokenVariable = "MELANOGANS_WORKER_TOKEN";

    /// <param name="environment">Reads an environment variable (tests pass their own: the process's is shared by every test).</param>
    public static Command Create(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var server = new Option<string>("--server") { Description = "Base URL of the studio server, e.g. http://localhost:5000.", Required = true };
        var token = new Option<string?>("--token") { Description = $"Worker token from the training page (or set {TokenVariable})." };
        var runs = new Option<string>("--runs") { Description = "Folder for run directories and downloaded datasets.", DefaultValueFactory = _ => "runs" };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0 = one per core).", DefaultValueFactory = _ => 0 };
        var once = new Option<bool>("--once") { Description = "Train one job, then exit." };
        var name = new Option<string>("--name") { Description = "Name the server knows this worker by; keep it stable so interrupted jobs resume here.", DefaultValueFactory = _ => Environment.MachineName };
        var parent = new Option<int?>("--parent-pid") { Description = "Exit when this process ends (the server's local worker)." };
        var idleExit = new Option<double?>("--idle-exit-minutes") { Description = "Exit after this many minutes without a job (default: never)." };
        var command = new Command("worker", "Connect to a server, claim training jobs and stream progress.") { server, token, runs, threads, once, name, parent, idleExit };
        command.SetAction((parse, ct) => Task.FromResult(CommandOutput.Run(parse, () =>
        {
            var secret = parse.GetValue(token) ?? environment(TokenVariable);
            if (string.IsNullOrWhiteSpace(secret)) throw new ArgumentException($"--token (or {TokenVariable}) is required");
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw new ArgumentException("--server must be an http(s) URL");
            if (parse.GetValue(threads) < 0) throw new ArgumentException("--threads must be 0 or more");
            if (parse.GetValue(idleExit) is <= 0) throw new ArgumentException("--idle-exit-minutes must be more than 0");

            var settings = new WorkerSettings
            {
                Server = url,
                Token = secret,
                Name = parse.GetValue(name)!,
                RunsRoot = Path.GetFullPath(parse.GetValue(runs)!),
                Threads = parse.GetValue(threads),
                Once = parse.GetValue(once),
                ParentProcessId = parse.GetValue(parent),
                IdleExit = parse.GetValue(idleExit) is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            };
            using var cancellation = new TrainingCancellation();
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token, ct);
            var jobs = new TrainingWorker(settings).RunAsync(both.Token).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Error.WriteLine($"worker stopped after {jobs} job(s)");
            return 0;
        })));
        return command;
    }
}
