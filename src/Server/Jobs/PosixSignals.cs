using System.Runtime.InteropServices;

namespace MelanoGans.Server.Jobs;

/// <summary>SIGTERM for a child process: .NET's Process can only SIGKILL, which gives the trainer no time to checkpoint.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to stop; false where that is not possible (not Linux/macOS, or no such process).</summary>
    public static bool Terminate(int pid) => !OperatingSystem.IsWindows() && Kill(pid, SigTerm) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
