using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HyperSearch.Data.Tests.Infrastructure;

/// <summary>
/// Puts a database made by the code before generated migrations (main at 20a284d, hand-written
/// Initial) into an empty <see cref="TestDatabase"/>: a copy of the committed SQLite file, or the
/// committed pg_dump restored with psql. See Fixtures/README.md for how they were made.
/// </summary>
public static class LegacyDatabase
{
    public const string SqliteFixture = "Fixtures/hypersearch-20a284d.db";
    public const string PostgresFixture = "Fixtures/hypersearch-20a284d.pgdump.sql";

    public static async Task RestoreAsync(TestDatabase database)
    {
        if (database.Settings.Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;
            File.Copy(Path.Combine(AppContext.BaseDirectory, SqliteFixture), target, overwrite: true);
            return;
        }
        var csb = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        var psql = new ProcessStartInfo(Psql())
        {
            ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", csb.Host!, "-p", csb.Port.ToString(), "-U", csb.Username!, "-d", csb.Database!, "-f", Path.Combine(AppContext.BaseDirectory, PostgresFixture) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(psql)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"psql could not restore {PostgresFixture}: {await stderr}");
    }

    // The same server binaries scripts/test-postgres.sh starts the cluster with.
    private static string Psql()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } b ? b : "/usr/lib/postgresql/15/bin";
        var path = Path.Combine(bin, "psql");
        return File.Exists(path) ? path : "psql";
    }
}
