using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Models;

internal sealed class GeneratorModelConfiguration : IEntityTypeConfiguration<GeneratorModel>
{
    public void Configure(EntityTypeBuilder<GeneratorModel> builder)
    {
        builder.HasIndex(m => m.Name).IsUnique();
        builder.HasIndex(m => m.Sha256).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Architecture).HasMaxLength(50);
        builder.Property(m => m.Origin).HasMaxLength(200);
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
