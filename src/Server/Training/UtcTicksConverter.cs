using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MelanoGans.Server.Training;

/// <summary>SQLite cannot order or compare DateTimeOffset; times are stored as UTC ticks (nullable columns too).</summary>
internal static class UtcTicksConverter
{
    public static ValueConverter<DateTimeOffset, long> Instance { get; } =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
