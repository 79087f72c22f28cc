using System.Diagnostics;

namespace HyperSearch.Cli.Tests.Queue;

/// <summary>
/// A PostgreSQL cluster of one test's own (scripts/test-postgres.sh), so that restarting it cannot
/// disturb the tests sharing the common cluster.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _dir;

    private PrivatePostgres(string admin, string dir)
    {
        Admin = admin;
        _dir = dir;
    }

    /// <summary>An Npgsql connection string to the cluster's admin database.</summary>
    public string Admin { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var output = await ScriptAsync("start");
        string Value(string name) => output.Split('\n').Single(l => l.StartsWith($"export {name}=")).Split('=', 2)[1].Trim('\'');
        return new PrivatePostgres(Value("HYPERSEARCH_TEST_POSTGRES"), Value("HYPERSEARCH_TEST_POSTGRES_DIR"));
    }

    /// <summary><c>pg_ctl -m fast stop</c>, <paramref name="down"/> seconds without a server, start again.</summary>
    public Task RestartAsync(int down) => ScriptAsync("restart", _dir, down.ToString());

    public async ValueTask DisposeAsync() => await ScriptAsync("stop", _dir);

    private static async Task<string> ScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(RepoRoot(), "scripts", "test-postgres.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"test-postgres.sh {string.Join(' ', args)} failed: {await error}");
        return await output;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HyperSearch.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HyperSearch.sln not found above the test folder");
    }
}
