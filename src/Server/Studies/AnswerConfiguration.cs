using MelanoGans.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("Answers");
        // The database, not the page, guarantees one answer per rater and showing: a double submit, a
        // refresh or a reconnect that sends the answer again hits this index instead of adding a row.
        builder.HasIndex(a => new { a.StudyId, a.RaterId, a.ItemId, a.RepeatIndex }).IsUnique();
        builder.HasIndex(a => new { a.StudyId, a.RaterId, a.Position }).IsUnique();
        builder.Property(a => a.Comment).HasMaxLength(2000);
        builder.Property(a => a.Diagnosis).HasMaxLength(100);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Chosen).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(a => a.Item).WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Study>().WithMany().HasForeignKey(a => a.StudyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.RaterId).OnDelete(DeleteBehavior.Restrict);
    }
}
