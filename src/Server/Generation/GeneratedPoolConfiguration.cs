using MelanoGans.Server.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Generation;

internal sealed class GeneratedPoolConfiguration : IEntityTypeConfiguration<GeneratedPool>
{
    public void Configure(EntityTypeBuilder<GeneratedPool> builder)
    {
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.ModelName).HasMaxLength(200);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Message).HasMaxLength(2000);
        builder.HasOne<GeneratorModel>().WithMany().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Images).WithOne(i => i.Pool).HasForeignKey(i => i.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
