using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Identity;

internal sealed class RevokedSessionConfiguration : IEntityTypeConfiguration<RevokedSession>
{
    public void Configure(EntityTypeBuilder<RevokedSession> builder)
    {
        builder.ToTable("RevokedSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
