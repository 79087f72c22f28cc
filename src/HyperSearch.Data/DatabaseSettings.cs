using Microsoft.Extensions.Configuration;

namespace HyperSearch.Data;

/// <summary>HyperSearch:Database:Provider (sqlite|postgres) and HyperSearch:Database:ConnectionString.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultConnectionString = "Data Source=data/hypersearch.db";
    public const string ConnectionStringKey = "HyperSearch:Database:ConnectionString";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("HyperSearch:Database");
        var providerText = section["Provider"] ?? "sqlite";
        var provider = providerText.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"HyperSearch:Database:Provider: unknown provider '{providerText}' (use sqlite or postgres)"),
        };
        return new DatabaseSettings(provider, section["ConnectionString"] ?? DefaultConnectionString);
    }

    /// <summary>The database settings' problem as one line naming the key, or null: an unknown provider, or a
    /// connection string the provider's builder refuses. Checked before a host or command starts (a stack
    /// trace or "the given key was not present in the dictionary" at the first query says neither which
    /// setting nor which keyword).</summary>
    public static string? Problem(IConfiguration configuration)
    {
        try
        {
            var settings = From(configuration);
            _ = settings.Provider == DatabaseProvider.Sqlite
                ? DbContextOptionsFactory.NormalizeSqlite(settings.ConnectionString)
                : DbContextOptionsFactory.NormalizePostgres(settings.ConnectionString);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
