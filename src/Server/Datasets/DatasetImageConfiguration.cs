using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Datasets;

internal sealed class DatasetImageConfiguration : IEntityTypeConfiguration<DatasetImage>
{
    public void Configure(EntityTypeBuilder<DatasetImage> builder)
    {
        // Re-importing the same folder adds nothing twice: one row per (dataset, origin).
        builder.HasIndex(i => new { i.DatasetId, i.Origin }).IsUnique();
        // One row per image per dataset: the same picture under two names would be drawn twice by a study.
        builder.HasIndex(i => new { i.DatasetId, i.Sha256 }).IsUnique();
        builder.HasIndex(i => new { i.DatasetId, i.Label });
        builder.HasIndex(i => i.Sha256);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.Label).HasMaxLength(100);
        builder.Property(i => i.Origin).HasMaxLength(500);
        builder.HasOne(i => i.Dataset).WithMany(d => d.Images).HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
