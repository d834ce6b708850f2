using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MelanoGans.Server.Jobs;

internal sealed class WorkerTokenConfiguration : IEntityTypeConfiguration<WorkerToken>
{
    public void Configure(EntityTypeBuilder<WorkerToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(100);
    }
}
