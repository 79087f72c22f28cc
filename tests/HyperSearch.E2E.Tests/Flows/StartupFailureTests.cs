using HyperSearch.E2E.Tests.Infrastructure;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// The real dashboard process started on a database it cannot open: it must stop by itself with exit
/// code 1 and one line naming the cause, not a host stack trace (docs/reliability.md).
/// </summary>
public class StartupFailureTests
{
    [Fact]
    public async Task Start_DatabaseCannotBeOpened_ExitsWithOneClearLineAndNoStackTrace()
    {
        // A path under a regular file cannot be created, even by root (file permissions would not stop root).
        var folder = Directory.CreateTempSubdirectory("hypersearch-e2e-").FullName;
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var settings = new Dictionary<string, string>
        {
            ["HyperSearch__Database__ConnectionString"] = $"Data Source={Path.Combine(blocker, "hypersearch.db")}",
        };

        var (exitCode, output) = await WebAppProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        Assert.Contains("Cannot open the Sqlite database", output);
        Assert.Contains("HyperSearch:Database:ConnectionString", output);
        Assert.DoesNotContain("   at ", output); // no stack frame anywhere in the log
    }

    [Fact]
    public async Task Start_AllInterfacesWithoutAccounts_ExitsWithCodeOneBeforeListening()
    {
        var url = $"http://0.0.0.0:{WebAppProcess.FreePort()}";

        var (exitCode, output) = await WebAppProcess.RunUntilExitAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(90), url);

        // Was exit code 0, after the server had listened on every interface (and answered a request) in open mode.
        Assert.Equal(1, exitCode);
        Assert.Contains($"Refusing to listen on {url} without accounts", output);
        Assert.DoesNotContain("Now listening on", output);
    }

    [Theory]
    [InlineData("HyperSearch__ForwardedHeaders__KnownProxies__0", "proxy.local", "", "",
        "error: HyperSearch:ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address")]
    // Was an unhandled exception with a stack trace (exit 134).
    [InlineData("HyperSearch__Database__Provider", "mysql", "", "",
        "error: HyperSearch:Database:Provider: unknown provider 'mysql' (use sqlite or postgres)")]
    // Was "Cannot open the Postgres database (The given key was not present in the dictionary.)".
    [InlineData("HyperSearch__Database__Provider", "postgres", "HyperSearch__Database__ConnectionString", "Hostx=127.0.0.1",
        "error: HyperSearch:Database:ConnectionString: 'hostx' is not a connection-string keyword of this provider")]
    // Was an unhandled exception with a stack trace (exit 134).
    [InlineData("HyperSearch__Worker__Devices", "gpu:9", "", "",
        "error: HyperSearch:Worker:Devices: 'gpu:9' is not a device (use cpu[:slots] or cuda:N[:slots], e.g. cpu:2,cuda:0:1)")]
    // Was silently the default lease (30 s).
    [InlineData("HyperSearch__Worker__LeaseSeconds", "3O", "", "",
        "error: HyperSearch:Worker:LeaseSeconds: must be a number > 0; got '3O'")]
    public async Task Start_MistypedSetting_ExitsWithCodeTwoAndOneLineNamingTheKey(string key, string value, string otherKey, string otherValue, string expected)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (otherKey.Length > 0) settings[otherKey] = otherValue;

        var (exitCode, output) = await WebAppProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, output.Trim());
    }
}
