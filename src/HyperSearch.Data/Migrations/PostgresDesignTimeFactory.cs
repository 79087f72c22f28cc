using Microsoft.EntityFrameworkCore.Design;

namespace HyperSearch.Data.Migrations;

/// <summary>
/// Used by `dotnet ef` only (docs/migrations.md): `migrations add` never connects, so the default
/// connection string is a placeholder; pass a real one after `--` for `database update`.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHyperSearchDbContext>
{
    public const string PlaceholderConnectionString = "Host=localhost;Database=hypersearch;Username=postgres";

    public PostgresHyperSearchDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, args.FirstOrDefault() ?? PlaceholderConnectionString);
        return new PostgresHyperSearchDbContext(DbContextOptionsFactory.Create<PostgresHyperSearchDbContext>(settings));
    }
}
