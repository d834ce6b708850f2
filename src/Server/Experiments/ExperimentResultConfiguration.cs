using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Experiments;

internal sealed class ExperimentResultConfiguration : IEntityTypeConfiguration<ExperimentResult>
{
    public void Configure(EntityTypeBuilder<ExperimentResult> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Experiment).HasMaxLength(50);
        builder.Property(r => r.Dataset).HasMaxLength(1000);
        builder.Property(r => r.UploadedBy).HasMaxLength(256);
        builder.HasIndex(r => r.UploadedAt);
    }
}
