using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Studies;

internal sealed class StudyItemConfiguration : IEntityTypeConfiguration<StudyItem>
{
    public void Configure(EntityTypeBuilder<StudyItem> builder)
    {
        builder.ToTable("StudyItems");
        builder.HasIndex(i => i.Token).IsUnique();
        builder.HasIndex(i => i.StudyId);
        builder.Property(i => i.Token).HasMaxLength(64);
        builder.Property(i => i.Truth).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Source).HasMaxLength(200);
        builder.Property(i => i.Class).HasMaxLength(100);
        builder.Property(i => i.SourceSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
