using System.Data.Common;

namespace HyperSearch.Cli.Hosting;

/// <summary>Turns store failures (unreachable database, bad connection string) into one line and exit 1, not a stack trace.</summary>
public static class CliGuard
{
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("interrupted");
            return CliConsole.Failed;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or IOException)
        {
            console.Error.WriteLine($"hypersearch: {e.GetBaseException().Message}");
            return CliConsole.Failed;
        }
    }
}
