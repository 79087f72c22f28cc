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
    public async Task Start_MistypedSetting_ExitsWithCodeTwoAndOneLineNamingTheKey()
    {
        var settings = new Dictionary<string, string> { ["HyperSearch__ForwardedHeaders__KnownProxies__0"] = "proxy.local" };

        var (exitCode, output) = await WebAppProcess.RunUntilExitAsync(settings, TimeSpan.FromSeconds(90));

        Assert.Equal(2, exitCode);
        Assert.Equal("error: HyperSearch:ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address", output.Trim());
    }
}
