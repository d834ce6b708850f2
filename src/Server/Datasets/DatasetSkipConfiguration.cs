using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Datasets;

internal sealed class DatasetSkipConfiguration : IEntityTypeConfiguration<DatasetSkip>
{
    public void Configure(EntityTypeBuilder<DatasetSkip> builder)
    {
        builder.ToTable("DatasetSkips");
        builder.HasIndex(s => s.DatasetId);
        builder.Property(s => s.Item).HasMaxLength(1000);
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
