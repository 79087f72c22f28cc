using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HyperSearch.Data;

/// <summary>
/// The application's context. Migrations belong to one subclass per provider
/// (<see cref="Migrations.SqliteHyperSearchDbContext"/>, <see cref="Migrations.PostgresHyperSearchDbContext"/>),
/// which share this model; see docs/migrations.md.
/// Identity's tables (accounts, lockout) live in the same database (docs/teams.md).
/// </summary>
public class HyperSearchDbContext : IdentityDbContext<UserEntity>
{
    public HyperSearchDbContext(DbContextOptions<HyperSearchDbContext> options) : base(options) { }

    /// <summary>For the per-provider migration contexts, which pass their own typed options.</summary>
    protected HyperSearchDbContext(DbContextOptions options) : base(options) { }

    public DbSet<SearchEntity> Searches => Set<SearchEntity>();
    public DbSet<TrialEntity> Trials => Set<TrialEntity>();
    public DbSet<EpochMetricEntity> EpochMetrics => Set<EpochMetricEntity>();
    public DbSet<WorkerEntity> Workers => Set<WorkerEntity>();
    public DbSet<TeamEntity> Teams => Set<TeamEntity>();
    public DbSet<TeamMemberEntity> TeamMembers => Set<TeamMemberEntity>();
    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    public DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's tables
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HyperSearchDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset columns; UTC ticks as a 64-bit integer sort and
        // compare the same on both providers and keep one set of queries and migrations.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
