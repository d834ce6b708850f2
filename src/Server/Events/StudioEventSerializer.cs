using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Events;

/// <summary>
/// The wire form of an event crossing instances: JSON <c>{"instance":…,"type":"AnswerRecorded","event":{…}}</c>.
/// The type is named without its namespace, so moving a contract between folders does not break a rolling update;
/// every <see cref="IStudioEvent"/> in MelanoGans.Shared is known (found by reflection, names unique).
/// </summary>
internal static class StudioEventSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Losses can be NaN or infinite in a diverging run; the tick must still arrive.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Every concrete event type, by the name written on the wire.</summary>
    public static FrozenDictionary<string, Type> KnownTypes { get; } = typeof(IStudioEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IStudioEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static string Serialize(string instance, IStudioEvent e)
    {
        var type = e.GetType();
        if (!KnownTypes.TryGetValue(type.Name, out var known) || known != type)
            throw new ArgumentException($"{type.FullName} is not an event of MelanoGans.Shared.", nameof(e));
        return JsonSerializer.Serialize(new Envelope(instance, type.Name, JsonSerializer.SerializeToElement(e, type, Json)), Json);
    }

    /// <summary>The sender and the event; the event is null when its type is unknown here (a newer instance sent it).</summary>
    public static (string Instance, IStudioEvent? Event) Deserialize(string json)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(json, Json) ?? throw new JsonException("An empty event message.");
        return KnownTypes.TryGetValue(envelope.Type, out var type)
            ? (envelope.Instance, (IStudioEvent?)envelope.Event.Deserialize(type, Json))
            : (envelope.Instance, null);
    }

    private sealed record Envelope(string Instance, string Type, JsonElement Event);
}
