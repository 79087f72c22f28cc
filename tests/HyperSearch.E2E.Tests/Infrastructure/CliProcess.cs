using System.Diagnostics;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>The built `hypersearch` command as a child process (stdin for passwords), as an admin runs it.</summary>
internal static class CliProcess
{
    public static async Task<(int Exit, string Output)> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryPaths.CliAssembly);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start hypersearch");
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    public static async Task MustAsync(string? stdin, params string[] args)
    {
        var (exit, output) = await RunAsync(stdin, args);
        Assert.True(exit == 0, $"hypersearch {string.Join(' ', args)} → {exit}: {output}");
    }
}
