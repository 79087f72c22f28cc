using System.Diagnostics;

namespace HyperSearch.Cli.Tests.Slurm;

/// <summary>
/// The private cluster of scripts/test-slurm.sh, seen through the real Slurm tools (squeue, scancel) —
/// independent of the executor's own adapter. Each test names its jobs with its own prefix, so tests
/// running at once never see each other's jobs.
/// </summary>
public static class TestSlurm
{
    public const string Variable = "HYPERSEARCH_TEST_SLURM";

    /// <summary>The partition, or null when no cluster runs (SLURM_CONF comes with it).</summary>
    public static string? Partition => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : null;

    /// <summary>(job id, state, reason) of the jobs whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task<IReadOnlyList<(string Id, string State, string Reason)>> JobsAsync(string prefix)
    {
        var output = await RunAsync("squeue", "--noheader", "--format", "%i|%j|%T|%r");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Where(f => f[1].StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => (f[0], f[2], f[3]))
            .ToList();
    }

    public static Task CancelAsync(string jobId) => RunAsync("scancel", jobId);

    /// <summary>Cancels, when disposed, every job named with <paramref name="prefix"/>: a failed test leaves none running.</summary>
    public static IAsyncDisposable CancelAtEnd(string prefix) => new JobSweeper(prefix);

    private sealed class JobSweeper(string prefix) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var left = await JobsAsync(prefix);
            if (left.Count > 0) await RunAsync("scancel", [.. left.Select(j => j.Id)]);
        }
    }

    public static async Task<string> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        return await output;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds, Func<string>? context = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        Assert.Fail($"timed out after {timeoutSeconds} s waiting until {what}{(context is null ? "" : "\n" + context())}");
    }
}
