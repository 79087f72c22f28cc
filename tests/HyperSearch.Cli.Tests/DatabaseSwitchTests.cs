using HyperSearch.Cli.Tests.Queue;

namespace HyperSearch.Cli.Tests;

/// <summary><c>--db env:VAR</c> and <c>--db file:PATH</c>: the connection string without a password on the command line.</summary>
public sealed class DatabaseSwitchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Search_DbFromEnvironmentThenFromFile_BothReachTheSameDatabase()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var env = new Dictionary<string, string>(CliProcess.FastQueue(5)) { ["HS_TEST_DB"] = $"Data Source={database.Db}" };
        var id = await WorkerCommandTests.CreateSearchAsync(database, env, budget: 1, parallelism: 1, epochs: 1);
        var file = Path.Combine(Path.GetDirectoryName(database.Db)!, "connection.txt");
        await File.WriteAllTextAsync(file, $"Data Source={database.Db}\n");

        var fromEnv = await CliProcess.RunAsync(env, Timeout, "search", "show", id.ToString(), "--db", "env:HS_TEST_DB");
        var fromFile = await CliProcess.RunAsync(env, Timeout, "search", "show", id.ToString(), "--db", "file:" + file);

        Assert.True(fromEnv.Exit == 0, fromEnv.Error);
        Assert.True(fromFile.Exit == 0, fromFile.Error);
        Assert.Contains("reliability", fromEnv.Output);
        Assert.Equal(fromEnv.Output, fromFile.Output);
    }

    [Theory]
    [InlineData("search", "env:HS_TEST_UNSET_VARIABLE", "environment variable 'HS_TEST_UNSET_VARIABLE' is not set")]
    [InlineData("worker", "env:HS_TEST_UNSET_VARIABLE", "environment variable 'HS_TEST_UNSET_VARIABLE' is not set")]
    [InlineData("search", "file:/nonexistent/connection.txt", "cannot read '/nonexistent/connection.txt'")]
    public async Task Command_DbSourceMissing_OneLineNamingIt(string command, string db, string message)
    {
        string[] args = command == "worker" ? ["worker", "--db", db] : ["search", "list", "--db", db];

        var (exit, _, error) = await CliProcess.RunAsync(CliProcess.FastQueue(5), Timeout, args);

        Assert.NotEqual(0, exit);
        Assert.Contains($"--db: {message}", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("search", "Host=127.0.0.1;Port=abc", 1, "HyperSearch:Database:ConnectionString: 'port': ")]
    [InlineData("search", "Data Source=x.db;Bogus=1", 1, "HyperSearch:Database:ConnectionString: Connection string keyword 'bogus'")]
    // The worker's other input errors (--devices) exit 2 too; it used to print a stack trace here.
    [InlineData("worker", "Host=127.0.0.1;Port=abc", 2, "HyperSearch:Database:ConnectionString: 'port': ")]
    [InlineData("worker", "Data Source=x.db;Bogus=1", 2, "HyperSearch:Database:ConnectionString: Connection string keyword 'bogus'")]
    public async Task Command_ConnectionStringMistyped_OneLineNamingSettingAndKeyword(string command, string db, int exitCode, string message)
    {
        string[] args = command == "worker" ? ["worker", "--db", db] : ["search", "list", "--db", db];

        var (exit, _, error) = await CliProcess.RunAsync(CliProcess.FastQueue(5), Timeout, args);

        Assert.Equal(exitCode, exit);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Worker_MistypedWorkerSettings_OneLineEachAndExitTwo()
    {
        var env = new Dictionary<string, string>(CliProcess.FastQueue(5))
        {
            ["HyperSearch__Worker__LeaseSeconds"] = "3O",
            ["HyperSearch__Checkpoints__EveryEpochs"] = "every",
        };

        var (exit, _, error) = await CliProcess.RunAsync(env, Timeout, "worker", "--db", "Data Source=/tmp/hypersearch-worker-settings-test.db");

        Assert.Equal(2, exit);
        Assert.Contains("HyperSearch:Worker:LeaseSeconds: must be a number > 0; got '3O'", error);
        Assert.Contains("HyperSearch:Checkpoints:EveryEpochs: must be a whole number > 0; got 'every'", error);
        Assert.DoesNotContain("   at ", error);
    }
}
