using System.CommandLine;

namespace HyperSearch.Cli.Tests;

/// <summary>Invokes the real root command in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await HyperSearchCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hypersearch-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
