namespace MelanoGans.Server.Api;

/// <summary>A body that may have failed to read (<see cref="ApiBody{T}"/> of any type), as the filters see it.</summary>
internal interface IApiBody
{
    string? Field { get; }

    string? Error { get; }
}
