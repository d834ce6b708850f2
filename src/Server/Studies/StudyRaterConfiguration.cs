using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyRaterConfiguration : IEntityTypeConfiguration<StudyRater>
{
    public void Configure(EntityTypeBuilder<StudyRater> builder)
    {
        builder.ToTable("StudyRaters");
        builder.HasKey(r => new { r.StudyId, r.UserId });
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.ExcludedBy).HasMaxLength(256);
        // Accounts are disabled, not deleted, so their assignments and answers stay.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
