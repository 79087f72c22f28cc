using Microsoft.Extensions.Configuration;

namespace HyperSearch.Cli.Hosting;

/// <summary>
/// The CLI's configuration, later sources winning: appsettings.json next to the binary (the repo's
/// single config file, linked into the build output), then environment variables
/// (HyperSearch__Database__ConnectionString, …), then command-line switches such as --db.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(IReadOnlyDictionary<string, string?>? switches = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(switches ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>
    /// Maps <c>--db</c>: an Npgsql connection string (has Host=) selects PostgreSQL; "Data Source=…"
    /// or a bare file path selects SQLite.
    /// </summary>
    public static Dictionary<string, string?> DatabaseSwitch(string? db)
    {
        var switches = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(db)) return switches;
        var postgres = db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        switches["HyperSearch:Database:Provider"] = postgres ? "postgres" : "sqlite";
        switches["HyperSearch:Database:ConnectionString"] =
            postgres || db.Contains('=') ? db : $"Data Source={db}";
        return switches;
    }
}
