using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Generation;

internal sealed class GeneratedImageConfiguration : IEntityTypeConfiguration<GeneratedImage>
{
    public void Configure(EntityTypeBuilder<GeneratedImage> builder)
    {
        builder.HasIndex(i => new { i.PoolId, i.Seed }).IsUnique();
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
