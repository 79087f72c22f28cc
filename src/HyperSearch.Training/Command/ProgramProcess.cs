using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace HyperSearch.Training.Command;

/// <summary>
/// A command workload's running program. On Linux it is started through <c>setsid</c>, so it leads a
/// process group (and session) of its own: a signal reaches everything it started (data-loader workers,
/// a shell's children), and the worker's terminal's Ctrl+C does not kill it behind the worker's back (the
/// worker stops it through the protocol). <see cref="Kill"/> ends the whole group and every descendant;
/// after a normal exit <see cref="Sweep"/> ends whatever the program left behind, so no orphan survives a trial.
/// </summary>
internal sealed class ProgramProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private static readonly string? Setsid = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    private readonly Process _process;
    private readonly bool _ownGroup;

    private ProgramProcess(Process process, bool ownGroup)
    {
        _process = process;
        _ownGroup = ownGroup;
        Id = process.Id;
        Input = process.StandardInput;
        Input.AutoFlush = true;
        Input.NewLine = "\n";
    }

    /// <summary>The program's pid (and, started through setsid, its process group's id); kept, as the process object may be disposed first.</summary>
    public int Id { get; }

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream Error => _process.StandardError.BaseStream;

    public StreamWriter Input { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static ProgramProcess Start(string executable, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(Setsid ?? executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        if (Setsid is not null)
        {
            // setsid execs the program in place (it forks only when already a group leader, which a
            // child of ours never is), so the process we hold is the program and its pid is the group's id.
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(executable);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new ProgramProcess(Process.Start(info) ?? throw new InvalidOperationException($"{executable} did not start"), Setsid is not null);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM to the program's group: the polite stop (cancellation), which a program may handle.</summary>
    public void Terminate()
    {
        if (!SignalGroup(SigTerm) && OperatingSystem.IsLinux() && !_process.HasExited)
        {
            kill(Id, SigTerm);
        }
    }

    /// <summary>SIGKILL to the program's group and to every descendant of the program.</summary>
    public void Kill()
    {
        SignalGroup(SigKill);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already exited (or disposed after its exit).
        }
    }

    /// <summary>After the program exited: SIGKILL to what is left of its group (children it did not wait for).</summary>
    public void Sweep() => SignalGroup(SigKill);

    public void Dispose() => _process.Dispose();

    private bool SignalGroup(int signal) => _ownGroup && kill(-Id, signal) == 0;

    // DllImport, not LibraryImport: the generated stub would need unsafe code for this one int-only call.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
