using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Jobs;

internal sealed class WorkerConnectionRecordConfiguration : IEntityTypeConfiguration<WorkerConnectionRecord>
{
    public void Configure(EntityTypeBuilder<WorkerConnectionRecord> builder)
    {
        builder.ToTable("WorkerConnections");
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(100);
        builder.Property(c => c.TokenName).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Device).HasMaxLength(50);
        builder.HasIndex(c => c.InstanceKey);
    }
}
