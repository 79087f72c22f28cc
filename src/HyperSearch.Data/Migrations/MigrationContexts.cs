namespace HyperSearch.Data.Migrations;

/// <summary>The migrations' context of the configured provider (the app itself uses <see cref="HyperSearchDbContext"/>).</summary>
public static class MigrationContexts
{
    public static HyperSearchDbContext Create(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteHyperSearchDbContext(DbContextOptionsFactory.Create<SqliteHyperSearchDbContext>(settings)),
        DatabaseProvider.Postgres => new PostgresHyperSearchDbContext(DbContextOptionsFactory.Create<PostgresHyperSearchDbContext>(settings)),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown database provider"),
    };
}
