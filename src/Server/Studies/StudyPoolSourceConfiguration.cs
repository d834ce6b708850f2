using MelanoGans.Server.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyPoolSourceConfiguration : IEntityTypeConfiguration<StudyPoolSource>
{
    public void Configure(EntityTypeBuilder<StudyPoolSource> builder)
    {
        builder.ToTable("StudyPoolSources");
        builder.HasKey(p => new { p.StudyId, p.PoolId });
        builder.Property(p => p.SourceName).HasMaxLength(200);
        builder.HasOne<GeneratedPool>().WithMany().HasForeignKey(p => p.PoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
