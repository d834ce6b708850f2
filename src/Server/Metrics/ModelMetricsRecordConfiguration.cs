using MelanoGans.Server.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Metrics;

internal sealed class ModelMetricsRecordConfiguration : IEntityTypeConfiguration<ModelMetricsRecord>
{
    public void Configure(EntityTypeBuilder<ModelMetricsRecord> builder)
    {
        builder.ToTable("ModelMetrics");
        builder.Property(r => r.Dataset).HasMaxLength(200);
        builder.Property(r => r.Extractor).HasMaxLength(100);
        builder.HasOne<GeneratorModel>().WithMany().HasForeignKey(r => r.ModelId).OnDelete(DeleteBehavior.Cascade);
        // One result per job: a retried upload cannot store the same job's figures twice.
        builder.HasIndex(r => r.JobId).IsUnique();
        builder.HasIndex(r => new { r.ModelId, r.ComputedAt });
    }
}
