using MelanoGans.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Training;

internal sealed class TrainingGridConfiguration : IEntityTypeConfiguration<TrainingGrid>
{
    public void Configure(EntityTypeBuilder<TrainingGrid> builder)
    {
        builder.HasIndex(g => new { g.JobId, g.Step });
        builder.Property(g => g.Sha256).HasMaxLength(64);
        builder.HasOne<WorkerJob>().WithMany().HasForeignKey(g => g.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
