using System.Threading.Channels;
using MelanoGans.Training.Platform;

namespace MelanoGans.Training.Worker;

/// <summary>
/// Runs Torch work on a dedicated thread while its reports are sent to the server, in order, from the caller's
/// context. If sending fails (the server is gone or no longer lets this worker report), the work is asked to stop
/// so it can end cleanly, and the failure is rethrown once it has.
/// </summary>
internal static class StreamedWork
{
    public static async Task<TResult> RunAsync<TReport, TResult>(
        Func<Action<TReport>, TResult> work, Func<TReport, Task> send, Action stop, int threads)
    {
        var reports = Channel.CreateUnbounded<TReport>(new UnboundedChannelOptions { SingleReader = true });
        var running = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    // Torch's thread count is per OS thread under OpenMP: set it on the thread that does the work.
                    NativeRuntime.SetThreads(threads);
                    return work(report => reports.Writer.TryWrite(report));
                }
                finally
                {
                    reports.Writer.Complete();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Exception? streamError = null;
        try
        {
            await foreach (var report in reports.Reader.ReadAllAsync(CancellationToken.None))
            {
                await send(report);
            }
        }
        catch (Exception e)
        {
            streamError = e;
            stop();
        }

        TResult result;
        try
        {
            result = await running;
        }
        catch (OperationCanceledException) when (streamError is not null)
        {
            // The work stopped because sending failed: that failure is the reason, not the cancel.
            result = default!;
        }

        return streamError is null ? result : throw new IOException($"lost the server while working: {streamError.Message}", streamError);
    }
}
