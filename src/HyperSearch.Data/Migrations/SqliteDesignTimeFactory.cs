using Microsoft.EntityFrameworkCore.Design;

namespace HyperSearch.Data.Migrations;

/// <summary>
/// Used by `dotnet ef` only (docs/migrations.md): `migrations add` never opens the database, and
/// `database update` works on the file named here unless a connection string is passed after `--`.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHyperSearchDbContext>
{
    public SqliteHyperSearchDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, args.FirstOrDefault() ?? DatabaseSettings.DefaultConnectionString);
        return new SqliteHyperSearchDbContext(DbContextOptionsFactory.Create<SqliteHyperSearchDbContext>(settings));
    }
}
