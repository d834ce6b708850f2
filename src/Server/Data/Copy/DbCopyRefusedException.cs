namespace MelanoGans.Server.Data.Copy;

/// <summary><c>db copy</c> will not run on these databases; the message says why and what to do.</summary>
public sealed class DbCopyRefusedException(string message) : Exception(message);
