using HyperSearch.Data.Migrations;
using HyperSearch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Tests.Schema;

public sealed class MigrationTests
{
    // The schema the migrations build must equal the one EF derives from the model (EnsureCreated).
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_FreshDatabase_SchemaEqualsModel(string provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = await created.Factory.CreateDbContextAsync())
            await db.Database.EnsureCreatedAsync();

        await using var a = await migrated.Factory.CreateDbContextAsync();
        await using var b = await created.Factory.CreateDbContextAsync();
        var fromMigrations = await SchemaDescriber.DescribeAsync(a);
        var fromModel = await SchemaDescriber.DescribeAsync(b);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_TwiceOnSameDatabase_AppliesOnceAndKeepsData(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await database.Store.CreateSearchAsync(Specs.Search());

        await DatabaseInitializer.MigrateAsync(database.Settings);

        await using var db = MigrationContexts.Create(database.Settings);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotNull(await database.Store.GetSearchAsync(id));
    }

    // A model change without `dotnet ef migrations add` (docs/migrations.md) fails here, for each provider's snapshot.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, PostgresDesignTimeFactory.PlaceholderConnectionString)]
    public void Snapshot_CurrentModel_HasNoPendingChanges(DatabaseProvider provider, string connectionString)
    {
        using var db = MigrationContexts.Create(new DatabaseSettings(provider, connectionString));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrate_Sqlite_JournalModeIsWal()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var db = await database.Factory.CreateDbContextAsync();

        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync();

        Assert.Equal("wal", mode);
    }

    [PostgresFact]
    public async Task Postgres_ClusterConfigured_IsReachable()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var db = await database.Factory.CreateDbContextAsync();

        Assert.True(await db.Database.CanConnectAsync());
    }
}
