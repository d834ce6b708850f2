using System.Runtime.InteropServices;

namespace MelanoGans.Training.Commands;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM (a worker or service manager stopping the trainer) into a
/// cancellation the loop sees between steps, so the last checkpoint is written before the process exits.
/// A second signal ends the process at once.
/// </summary>
internal sealed class TrainingCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

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
        if (source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: stopping after this step and writing a checkpoint (send it again to abort)");
        source.Cancel();
    }
}
