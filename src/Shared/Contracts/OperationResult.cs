namespace MelanoGans.Shared.Contracts;

/// <summary>Outcome of a user-facing operation: success, or the reasons it was refused.</summary>
public sealed record OperationResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static OperationResult Ok { get; } = new(true, []);

    /// <summary>
    /// Where the operation knows it: the same errors under the field of the request each concerns (camelCase, the
    /// JSON name), for the API's 400s. Pages show <see cref="Errors"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }

    public static OperationResult Fail(params string[] errors) => new(false, errors);

    /// <summary>A refusal of one field's value (the API answers 400 naming <paramref name="field"/>).</summary>
    public static OperationResult Invalid(string field, string error) =>
        new(false, [error]) { FieldErrors = new Dictionary<string, string[]> { [field] = [error] } };
}
