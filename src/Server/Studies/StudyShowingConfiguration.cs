using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyShowingConfiguration : IEntityTypeConfiguration<StudyShowing>
{
    public void Configure(EntityTypeBuilder<StudyShowing> builder)
    {
        builder.ToTable("StudyShowings");
        builder.HasIndex(s => s.Token).IsUnique();
        // One showing per place: two devices of one rater asking at once end with one token, the first written.
        builder.HasIndex(s => new { s.StudyId, s.RaterId, s.Position }).IsUnique();
        builder.HasIndex(s => s.PairToken).IsUnique();
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.Property(s => s.PairToken).HasMaxLength(64);
        builder.Property(s => s.RaterId).HasMaxLength(450);
        builder.Property(s => s.DraftComment).HasMaxLength(RatingSession.MaxCommentLength);
        builder.Property(s => s.DraftDiagnosis).HasMaxLength(100);
        builder.HasOne<Study>().WithMany().HasForeignKey(s => s.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
