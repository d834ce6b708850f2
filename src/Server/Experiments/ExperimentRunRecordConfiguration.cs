using MelanoGans.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Experiments;

internal sealed class ExperimentRunRecordConfiguration : IEntityTypeConfiguration<ExperimentRunRecord>
{
    public void Configure(EntityTypeBuilder<ExperimentRunRecord> builder)
    {
        builder.Property(r => r.Arm).HasMaxLength(300);
        builder.Property(r => r.Label).HasMaxLength(500);
        builder.HasOne<WorkerJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        // A classifier is reported once; a repeated report (a retried hub call) must not count twice.
        builder.HasIndex(r => new { r.JobId, r.Arm, r.Seed }).IsUnique();
    }
}
