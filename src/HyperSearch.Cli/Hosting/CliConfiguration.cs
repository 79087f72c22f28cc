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
    /// or a bare file path selects SQLite. <c>env:VAR</c> and <c>file:PATH</c> read the connection
    /// string from an environment variable or a file, so a password never shows in the process list.
    /// </summary>
    /// <exception cref="ArgumentException">The variable is not set, or the file cannot be read.</exception>
    public static Dictionary<string, string?> DatabaseSwitch(string? db)
    {
        var switches = new Dictionary<string, string?>();
        if (string.IsNullOrWhiteSpace(db)) return switches;
        db = Resolve(db);
        var postgres = db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
        switches["HyperSearch:Database:Provider"] = postgres ? "postgres" : "sqlite";
        switches["HyperSearch:Database:ConnectionString"] =
            postgres || db.Contains('=') ? db : $"Data Source={db}";
        return switches;
    }

    private static string Resolve(string db)
    {
        if (db.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = db[4..];
            return Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
                ? value
                : throw new ArgumentException($"--db: environment variable '{name}' is not set");
        }
        if (!db.StartsWith("file:", StringComparison.Ordinal)) return db;
        var path = db[5..];
        try
        {
            return File.ReadAllText(path).Trim() is { Length: > 0 } text ? text : throw new ArgumentException($"--db: file '{path}' is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--db: cannot read '{path}' ({e.Message})");
        }
    }
}
