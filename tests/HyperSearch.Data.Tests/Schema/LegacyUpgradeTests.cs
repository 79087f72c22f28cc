using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Data.Migrations;
using HyperSearch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Tests.Schema;

/// <summary>
/// A database made by the code of main at 20a284d (hand-written Initial migration, committed in
/// Fixtures/) upgrades in place with the generated migrations and keeps every row, on SQLite and
/// on the real PostgreSQL cluster.
/// </summary>
public sealed class LegacyUpgradeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_DatabaseFromHandWrittenMigration_EveryRowSurvives(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await LegacyDatabase.RestoreAsync(database);
        IReadOnlyList<string> before;
        await using (var db = await database.Factory.CreateDbContextAsync())
            before = await TableRows.ReadAsync(db);

        await DatabaseInitializer.MigrateAsync(database.Settings);

        await using var after = await database.Factory.CreateDbContextAsync();
        Assert.Equal(22, before.Count); // 2 searches, 7 trials, 12 epochs, 1 worker: the fixture is not empty
        Assert.Equal(before, await TableRows.ReadAsync(after, except: ["TeamId", "LaunchedByUserId", "FailureKind", "ResumedAt", "LaunchKey", "LaunchFingerprint", "Notes", "Tags"]));
        // FailureKind and ResumedAt came later and are empty on old rows. NotesAndTags: every search and
        // trial starts without notes or tags.
        Assert.All(await after.Searches.ToListAsync(), s => Assert.Equal(("", ""), (s.Notes, s.Tags)));
        Assert.All(await after.Trials.ToListAsync(), t => Assert.Equal(("", ""), (t.Notes, t.Tags)));
        // The Accounts migration moved every existing search to the "default" team, launched by no account;
        // IdempotentLaunch gave them no launch key.
        Assert.All(await after.Searches.ToListAsync(), s => Assert.Equal((DefaultTeam.Id, (string?)null, (string?)null, (string?)null),
            (s.TeamId, s.LaunchedByUserId, s.LaunchKey, s.LaunchFingerprint)));
        Assert.Equal(DefaultTeam.Name, (await after.Teams.SingleAsync()).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_DatabaseFromHandWrittenMigration_InitialCountsAsAppliedAndSchemaEqualsFresh(string provider)
    {
        await using var legacy = await TestDatabase.CreateAsync(provider, migrate: false);
        await LegacyDatabase.RestoreAsync(legacy);
        await using var fresh = await TestDatabase.CreateAsync(provider);

        await DatabaseInitializer.MigrateAsync(legacy.Settings);

        await using var migrations = MigrationContexts.Create(legacy.Settings);
        // The Initial counts as applied (same id as the hand-written one); only later migrations ran.
        Assert.Equal(migrations.Database.GetMigrations(), await migrations.Database.GetAppliedMigrationsAsync());
        Assert.Equal("20261121090000_Initial", migrations.Database.GetMigrations().First());
        Assert.Empty(await migrations.Database.GetPendingMigrationsAsync());
        await using var a = await legacy.Factory.CreateDbContextAsync();
        await using var b = await fresh.Factory.CreateDbContextAsync();
        Assert.Equal(await SchemaDescriber.DescribeAsync(b), await SchemaDescriber.DescribeAsync(a));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_DatabaseFromHandWrittenMigration_StoreReadsItAndKeepsWriting(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await LegacyDatabase.RestoreAsync(database);
        await DatabaseInitializer.MigrateAsync(database.Settings);

        var searches = await database.Store.ListSearchesAsync();
        var finished = searches.Single(s => s.Name == "finished-search");
        var running = searches.Single(s => s.Name == "running-search");
        var ranked = await database.Store.GetTrialsAsync(new TrialQuery { SearchId = finished.Id });
        var epochs = await database.Store.GetEpochsAsync(finished.BestTrialId!.Value);
        var newId = await database.Store.CreateSearchAsync(Specs.Search(name: "after-upgrade"));

        Assert.Equal(SearchState.Completed, finished.State);
        Assert.Equal(0.93 - 0.1 / 3, finished.BestValue!.Value, 12); // the best trial's last epoch
        Assert.Equal(0.88, finished.TestAccuracy);
        Assert.Equal(SearchState.Running, running.State);
        Assert.Equal(3, ranked.Total);
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.True(newId > running.Id, "identity/autoincrement continues after the restored rows");
        Assert.Equal("after-upgrade", (await database.Store.GetSearchAsync(newId))!.Summary.Name);
        Assert.Equal(DefaultTeam.Name, finished.TeamName);
    }
}
