using System.Diagnostics;
using System.Text;

namespace HyperSearch.Cli.Tests.Queue;

/// <summary>
/// Runs the real <c>hypersearch</c> binary (copied next to the tests) as a child process with the
/// queue's fast test settings: the sleeping fake trainer and sampler, 1 s leases, 0.25 s heartbeats.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static IReadOnlyDictionary<string, string> FastQueue(int epochMs) => new Dictionary<string, string>
    {
        ["HyperSearch__Worker__Trainer"] = "fake",
        ["HyperSearch__Worker__Sampler"] = "fake",
        ["HyperSearch__Worker__Fake__EpochMilliseconds"] = epochMs.ToString(),
        // 5 s, not 1 s: with three worker processes hammering one SQLite file on two cores a live
        // worker's heartbeat was once starved past 1 s three times running and its trial failed as
        // "stopped answering". Tests that want a lease to expire set their own.
        ["HyperSearch__Worker__LeaseSeconds"] = "5",
        ["HyperSearch__Worker__HeartbeatSeconds"] = "0.5",
        ["HyperSearch__Worker__PollMilliseconds"] = "20",
        ["HyperSearch__Worker__MaxAttempts"] = "3",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hypersearch.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new CliProcess(Process.Start(info)!);
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var process = Start(environment, args);
        using var cts = new CancellationTokenSource(timeout);
        await process._process.WaitForExitAsync(cts.Token);
        process._process.WaitForExit(); // flush the async output readers
        return (process._process.ExitCode, process.Output, process.Error);
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }
    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>kill -9: no shutdown code runs, the trial's lease is simply never renewed.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>kill -TERM, as systemd, Kubernetes or Slurm stop a worker.</summary>
    public void Terminate() => Signal(Sigterm);

    /// <summary>Waits for the process to end; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        _process.WaitForExit(); // flush the async output readers
        return true;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Runs <paramref name="wait"/>; if it fails the test, the failure shows what the workers logged.</summary>
    public static async Task ShowingLogsAsync(IReadOnlyList<CliProcess> workers, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nworker logs:\n{string.Join("\n---\n", workers.Select(w => w.Error))}");
        }
    }

    /// <summary>kill -STOP: the process is frozen (a stalled machine, a paused VM) until <see cref="Resume"/>.</summary>
    public void Pause() => Signal(Sigstop);

    /// <summary>kill -CONT after <see cref="Pause"/>.</summary>
    public void Resume() => Signal(Sigcont);

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} failed");
    }

    // Linux x86-64 and arm64.
    private const int Sigterm = 15, Sigstop = 19, Sigcont = 18;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
