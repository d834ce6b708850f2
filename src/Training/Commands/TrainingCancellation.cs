using System.Runtime.InteropServices;

namespace MelanoGans.Training.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM (a worker or service manager stopping the trainer) into a
/// cancellation the loop sees between steps, so the last checkpoint is written before the process exits.
/// The same signal a second time ends the process at once. A different one does not: Ctrl+C on the server's terminal
/// sends SIGINT to the whole process group, local worker included, and the server then sends its worker SIGTERM a
/// moment later; that pair is one request to stop, and aborting on it would throw away the checkpoint.
/// </summary>
internal sealed class TrainingCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private readonly HashSet<PosixSignal> received = [];

    public TrainingCancellation()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        bool first;
        bool repeated;
        lock (received)
        {
            first = received.Count == 0;
            repeated = !received.Add(context.Signal);
        }

        if (repeated)
        {
            return; // not cancelled: the runtime's default action ends the process
        }

        context.Cancel = true;
        if (!first)
        {
            return; // already stopping
        }

        Console.Error.WriteLine($"{context.Signal}: stopping after this step and writing a checkpoint (send it again to abort)");
        source.Cancel();
    }
}
