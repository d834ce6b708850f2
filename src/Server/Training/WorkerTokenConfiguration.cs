using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Training;

internal sealed class WorkerTokenConfiguration : IEntityTypeConfiguration<WorkerToken>
{
    public void Configure(EntityTypeBuilder<WorkerToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.CreatedAt).HasConversion(UtcTicksConverter.Instance);
        builder.Property(t => t.RevokedAt).HasConversion(UtcTicksConverter.Instance);
        builder.Property(t => t.LastUsedAt).HasConversion(UtcTicksConverter.Instance);
    }
}
