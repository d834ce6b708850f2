using MelanoGans.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Training;

internal sealed class TrainingTickRecordConfiguration : IEntityTypeConfiguration<TrainingTickRecord>
{
    public void Configure(EntityTypeBuilder<TrainingTickRecord> builder)
    {
        builder.HasIndex(t => new { t.JobId, t.Step });
        builder.HasOne<WorkerJob>().WithMany().HasForeignKey(t => t.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
