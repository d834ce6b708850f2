namespace MelanoGans.Server.Hosting;

/// <summary>Something the studio needs at start is missing or unreachable; the message is the one line to show.</summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
