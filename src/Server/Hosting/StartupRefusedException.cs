namespace MelanoGans.Server.Hosting;

/// <summary>
/// A start-up check found something the operator must fix (an unreachable service, for example); its message is
/// the one line <see cref="StartupProblem"/> prints.
/// </summary>
public sealed class StartupRefusedException(string reason, Exception? inner = null) : Exception(reason, inner);
