using MelanoGans.Server.Datasets;
using MelanoGans.Server.Experiments;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Models;
using MelanoGans.Server.Training;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Data;

/// <summary>The studio's SQLite database: Identity now, datasets, studies and ratings as they arrive.</summary>
public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetImage> DatasetImages => Set<DatasetImage>();

    public DbSet<DatasetSkip> DatasetSkips => Set<DatasetSkip>();

    public DbSet<GeneratorModel> GeneratorModels => Set<GeneratorModel>();

    public DbSet<GeneratedPool> GeneratedPools => Set<GeneratedPool>();

    public DbSet<GeneratedImage> GeneratedImages => Set<GeneratedImage>();

    public DbSet<TrainingJob> TrainingJobs => Set<TrainingJob>();

    public DbSet<TrainingTickRecord> TrainingTicks => Set<TrainingTickRecord>();

    public DbSet<TrainingGrid> TrainingGrids => Set<TrainingGrid>();

    public DbSet<WorkerToken> WorkerTokens => Set<WorkerToken>();

    public DbSet<ExperimentResult> ExperimentResults => Set<ExperimentResult>();

    public DbSet<ExperimentRunRecord> ExperimentRuns => Set<ExperimentRunRecord>();

    public DbSet<Metrics.ModelMetricsRecord> ModelMetrics => Set<Metrics.ModelMetricsRecord>();

    public DbSet<Identity.RevokedSession> RevokedSessions => Set<Identity.RevokedSession>();

    public DbSet<Api.AccessToken> AccessTokens => Set<Api.AccessToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks.
        builder.Entity<ApplicationUser>().Property(u => u.CreatedAt)
            .HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
    }
}
