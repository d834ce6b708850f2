using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Jobs;

internal sealed class WorkerJobConfiguration : IEntityTypeConfiguration<WorkerJob>
{
    public void Configure(EntityTypeBuilder<WorkerJob> builder)
    {
        // Named when every job was a training run; kept, so no table is renamed.
        builder.ToTable("TrainingJobs");
        builder.HasIndex(j => j.State);
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        // Numbers are per kind and given once: the index makes two enqueues that raced for one number refuse the second.
        builder.HasIndex(j => new { j.Kind, j.Number }).IsUnique();
        builder.HasIndex(j => j.RunKey).IsUnique();
        builder.Property(j => j.RunKey).HasMaxLength(64);
        builder.Property(j => j.Title).HasMaxLength(300);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Worker).HasMaxLength(200);
        builder.Property(j => j.ReservedFor).HasMaxLength(200);
        builder.Property(j => j.ConnectionId).HasMaxLength(100);
        builder.Property(j => j.Device).HasMaxLength(50);
        builder.Property(j => j.LatestGridSha256).HasMaxLength(64);
    }
}
