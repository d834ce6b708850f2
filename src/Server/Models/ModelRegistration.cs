namespace MelanoGans.Server.Models;

/// <summary>The registered model's id, or why the model was refused.</summary>
public sealed record ModelRegistration(int? ModelId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => ModelId is not null;
}
