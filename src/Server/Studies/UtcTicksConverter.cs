using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MelanoGans.Server.Studies;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks: SQLite cannot order or compare the type itself.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
