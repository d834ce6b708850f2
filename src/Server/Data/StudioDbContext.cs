using MelanoGans.Server.Datasets;
using MelanoGans.Server.Experiments;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Jobs;
using MelanoGans.Server.Models;
using MelanoGans.Server.Training;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Data;

/// <summary>
/// The studio's database: Identity, datasets, models, jobs, studies and ratings, and the data-protection keys every
/// instance shares. One model for SQLite and PostgreSQL; on PostgreSQL the factory hands out
/// <see cref="Postgres.PostgresStudioDbContext"/>, this same model with its own migrations.
/// </summary>
public class StudioDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public StudioDbContext(DbContextOptions<StudioDbContext> options) : base(options) { }

    /// <summary>For a provider's derived context, which differs only in the migrations that belong to it.</summary>
    protected StudioDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Cookie and antiforgery keys, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetImage> DatasetImages => Set<DatasetImage>();

    public DbSet<DatasetSkip> DatasetSkips => Set<DatasetSkip>();

    public DbSet<GeneratorModel> GeneratorModels => Set<GeneratorModel>();

    public DbSet<GeneratedPool> GeneratedPools => Set<GeneratedPool>();

    public DbSet<GeneratedImage> GeneratedImages => Set<GeneratedImage>();

    public DbSet<WorkerJob> WorkerJobs => Set<WorkerJob>();

    public DbSet<TrainingTickRecord> TrainingTicks => Set<TrainingTickRecord>();

    public DbSet<TrainingGrid> TrainingGrids => Set<TrainingGrid>();

    public DbSet<WorkerToken> WorkerTokens => Set<WorkerToken>();

    public DbSet<WorkerConnectionRecord> WorkerConnections => Set<WorkerConnectionRecord>();

    public DbSet<ExperimentResult> ExperimentResults => Set<ExperimentResult>();

    public DbSet<ExperimentRunRecord> ExperimentRuns => Set<ExperimentRunRecord>();

    public DbSet<Metrics.ModelMetricsRecord> ModelMetrics => Set<Metrics.ModelMetricsRecord>();

    public DbSet<Identity.RevokedSession> RevokedSessions => Set<Identity.RevokedSession>();

    public DbSet<Api.AccessToken> AccessTokens => Set<Api.AccessToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
    }

    /// <summary>
    /// SQLite cannot order or compare DateTimeOffset: every time in the model is stored as UTC ticks (on PostgreSQL
    /// too: one model for both).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
