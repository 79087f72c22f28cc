using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using HyperSearch.Core.Slurm;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// The executor's adapter over the Slurm command-line tools (sbatch, squeue, scancel, found on PATH;
/// SLURM_CONF and the other SLURM_* variables of this process reach them). Each call has a time-out, so a
/// controller that does not answer costs one round, never a hung executor.
/// </summary>
public sealed class SlurmCli(SlurmSettings settings) : ISlurmCli
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<SlurmJob>> ListAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync("squeue",
            ["--noheader", "--user", Environment.UserName, "--states", "PENDING,CONFIGURING,RUNNING,COMPLETING,SUSPENDED", "--format", "%i|%j|%T|%r|%M|%l"],
            null, null, cancellationToken);
        var prefix = settings.JobName + "-";
        var jobs = new List<SlurmJob>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length < 6 || !fields[1].StartsWith(prefix, StringComparison.Ordinal)) continue;
            jobs.Add(new SlurmJob(fields[0], fields[1][prefix.Length..], fields[2], fields[3], fields[4], fields[5]));
        }
        return jobs;
    }

    public async Task<string> SubmitAsync(SlurmProfile profile, string script, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.LogDirectory);
        List<string> args =
        [
            "--parsable",
            $"--job-name={settings.JobName}-{profile.Name}",
            "--nodes=1", "--ntasks=1",
            // B: the batch shell is the worker (exec), so the signal must go to it, not to job steps (there are none).
            $"--signal=B:TERM@{((int)settings.Grace.TotalSeconds).ToString(CultureInfo.InvariantCulture)}",
            $"--output={Path.Combine(settings.LogDirectory, settings.JobName + "-%j.log")}",
        ];
        if (profile.Partition is { } partition) args.Add($"--partition={partition}");
        if (profile.Account is { } account) args.Add($"--account={account}");
        if (profile.Qos is { } qos) args.Add($"--qos={qos}");
        if (profile.Gres is { } gres) args.Add($"--gres={gres}");
        if (profile.TimeLimit is { } time) args.Add($"--time={time}");
        if (profile.CpusPerTask is { } cpus) args.Add($"--cpus-per-task={cpus.ToString(CultureInfo.InvariantCulture)}");
        var output = await RunAsync("sbatch", args, script, environment, cancellationToken);
        // --parsable: "<id>" or "<id>;<cluster>".
        var id = output.Trim().Split(';')[0];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new SlurmCommandException("sbatch", $"unexpected answer '{output.Trim()}' (expected a job id)");
        return id;
    }

    public async Task CancelAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count > 0) await RunAsync("scancel", jobIds, null, null, cancellationToken);
    }

    private static async Task<string> RunAsync(string command, IReadOnlyList<string> args, string? input,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (environment is not null)
            foreach (var (key, value) in environment) info.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new SlurmCommandException(command, "could not be started");
        }
        catch (Win32Exception e)
        {
            throw new SlurmCommandException(command, $"cannot run it ({e.Message}); is the Slurm client installed and on PATH?");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input);
                process.StandardInput.Close();
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CommandTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                cancellationToken.ThrowIfCancellationRequested();
                throw new SlurmCommandException(command, $"no answer within {CommandTimeout.TotalSeconds:0} s (is slurmctld up?)");
            }
            var (output, error) = (await stdout, await stderr);
            if (process.ExitCode != 0)
            {
                var reason = string.Join(" ", error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                throw new SlurmCommandException(command, reason.Length > 0 ? reason : $"exit code {process.ExitCode}");
            }
            return output;
        }
    }
}
