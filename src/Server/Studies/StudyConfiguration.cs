using MelanoGans.Server.Datasets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.ToTable("Studies");
        builder.HasIndex(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Instructions).HasMaxLength(4000);
        builder.Property(s => s.RealLabel).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks as elsewhere.
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.StartedBy).HasMaxLength(256);
        builder.Property(s => s.ClosedBy).HasMaxLength(256);
        builder.Property(s => s.UpscalingReason).HasMaxLength(StudySetupValidator.MaxUpscalingReasonLength);
        builder.Property(s => s.UpscalingAllowedBy).HasMaxLength(256);
        builder.Property(s => s.UpscaledSources).HasMaxLength(4000);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Task).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RealClassMix).HasMaxLength(1000);
        // Saves check it too, so a change that slipped past the transaction's check still cannot overwrite.
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Dataset>().WithMany().HasForeignKey(s => s.RealDatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Pools).WithOne().HasForeignKey(p => p.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.CoLeads).WithOne().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Raters).WithOne().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
