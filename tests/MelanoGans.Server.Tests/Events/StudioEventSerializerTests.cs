using MelanoGans.Server.Events;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;

namespace MelanoGans.Server.Tests.Events;

/// <summary>Every event of the bus crosses instances: it has a unique wire name and survives the JSON round trip whole.</summary>
public sealed class StudioEventSerializerTests
{
    /// <summary>Every concrete <see cref="IStudioEvent"/> in MelanoGans.Shared, found independently of the serializer.</summary>
    public static TheoryData<string> EventTypes() =>
        new(typeof(IStudioEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IStudioEvent).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal));

    [Fact]
    public void Every_event_in_Shared_is_known_under_its_own_name()
    {
        var types = EventTypes().Select(row => row.Data).ToList();
        Assert.Equal(types.Order(StringComparer.Ordinal), StudioEventSerializer.KnownTypes.Values.Select(t => t.FullName!).Order(StringComparer.Ordinal));
        // The ones the live pages depend on today; a new event joins by implementing IStudioEvent in Shared.
        foreach (var expected in new[] { typeof(AnswerRecorded), typeof(DatasetReady), typeof(ModelRegistered), typeof(RaterExclusionChanged),
                     typeof(JobProgress), typeof(TrainingUpdate) })
            Assert.Same(expected, StudioEventSerializer.KnownTypes[expected.Name]);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void An_event_round_trips_with_every_member(string typeName)
    {
        var type = typeof(IStudioEvent).Assembly.GetType(typeName, throwOnError: true)!;
        var original = (IStudioEvent)EventSamples.Of(type);

        var json = StudioEventSerializer.Serialize("instance-a", original);
        var (instance, copy) = StudioEventSerializer.Deserialize(json);

        Assert.Equal("instance-a", instance);
        Assert.NotNull(copy);
        Assert.IsType(type, copy);
        // Written again, the copy gives the same text: no member was dropped or changed on the way.
        Assert.Equal(json, StudioEventSerializer.Serialize("instance-a", copy));
        Assert.Contains($"\"type\":\"{type.Name}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Simple_events_come_back_equal()
    {
        IStudioEvent[] events = [new AnswerRecorded(3), new DatasetReady(4, "ISIC ü"), new ModelRegistered(5, "dcgan-256"), new RaterExclusionChanged(6),
            new JobProgress("generation:9", "generation", "Pool", 10, 20, JobState.Running, null)];
        foreach (var e in events)
            Assert.Equal(e, StudioEventSerializer.Deserialize(StudioEventSerializer.Serialize("i", e)).Event);
    }

    [Fact]
    public void An_event_type_this_instance_does_not_know_is_read_as_none()
    {
        var (instance, e) = StudioEventSerializer.Deserialize("""{"instance":"newer","type":"SomethingNew","event":{"x":1}}""");
        Assert.Equal("newer", instance);
        Assert.Null(e);
    }
}
