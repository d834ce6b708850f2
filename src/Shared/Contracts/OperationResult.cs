namespace MelanoGans.Shared.Contracts;

/// <summary>Outcome of a user-facing operation: success, or the reasons it was refused.</summary>
public sealed record OperationResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static OperationResult Ok { get; } = new(true, []);

    public static OperationResult Fail(params string[] errors) => new(false, errors);
}
