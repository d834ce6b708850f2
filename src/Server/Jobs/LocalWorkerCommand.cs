namespace MelanoGans.Server.Jobs;

/// <summary>How to start the trainer: a program and the arguments that come before <c>worker ...</c>.</summary>
internal sealed record LocalWorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', [FileName, .. Arguments]);
}
