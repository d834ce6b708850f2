using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyLeadConfiguration : IEntityTypeConfiguration<StudyLead>
{
    public void Configure(EntityTypeBuilder<StudyLead> builder)
    {
        builder.ToTable("StudyLeads");
        builder.HasKey(l => new { l.StudyId, l.UserId });
        builder.HasIndex(l => l.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
