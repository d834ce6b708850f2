namespace MelanoGans.Training.Commands;

/// <summary>
/// Turns the first Ctrl+C into a cancellation the loop sees between steps, so the last checkpoint is written
/// before the process exits; a second Ctrl+C ends the process at once.
/// </summary>
internal sealed class TrainingCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();

    public TrainingCancellation() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        Console.Error.WriteLine("stopping after this step and writing a checkpoint (Ctrl+C again to abort)");
        source.Cancel();
    }
}
