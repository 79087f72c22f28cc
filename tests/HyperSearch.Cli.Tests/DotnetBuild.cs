using System.Diagnostics;

namespace HyperSearch.Cli.Tests;

/// <summary><c>dotnet build</c> of an example project in a child process, as a team would run it.</summary>
internal static class DotnetBuild
{
    public static async Task<(bool Ok, string Log)> RunAsync(string project, params string[] properties)
    {
        var info = new ProcessStartInfo("dotnet", ["build", project, "-c", "Debug", "-v", "q", "-nologo", .. properties])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No build server left behind by a test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await log + await errors);
    }
}
