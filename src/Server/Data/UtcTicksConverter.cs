using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MelanoGans.Server.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks: SQLite cannot order or compare the type itself. Applied to every
/// time in the model by convention (<see cref="StudioDbContext"/>), nullable ones too.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
