using System.Globalization;
using HyperSearch.Core.Training;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Command;

/// <summary>
/// How a trial's program is started: the resolved executable, its arguments with the trial's values put
/// in, its folder, and its environment — the worker's own, the command's <c>Environment</c>, then the
/// trial's <c>HYPERSEARCH_*</c> variables, <c>CUDA_VISIBLE_DEVICES</c> and thread counts.
/// </summary>
internal sealed record ProgramLaunch(string Executable, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string?> Environment)
{
    /// <exception cref="WorkloadException">The folder or the executable does not exist here.</exception>
    public static ProgramLaunch For(CommandWorkload command, TrainingRequest request, TrialFolder folder)
    {
        var directory = Path.GetFullPath(command.WorkingDirectory ?? ".");
        if (!Directory.Exists(directory))
        {
            throw new WorkloadException(command.Name, $"its working directory '{directory}' does not exist ({command.Source}:WorkingDirectory)");
        }

        var threads = request.Threads.ToString(CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["{trialFile}"] = folder.TrialFilePath,
            ["{checkpointDir}"] = folder.CheckpointDir,
            ["{epochs}"] = request.Epochs.ToString(CultureInfo.InvariantCulture),
            ["{seed}"] = request.Seed.ToString(CultureInfo.InvariantCulture),
            ["{device}"] = request.Device,
            ["{threads}"] = threads,
        };
        var arguments = command.Arguments.Select(a => values.Aggregate(a, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal))).ToList();

        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Defaults the command may override: one trial's share of the cores, and Python's output unbuffered
        // (a block-buffered stdout would hold the epoch lines until the program exits).
        foreach (var name in new[] { "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS" })
        {
            environment[name] = threads;
        }

        environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (name, value) in command.Environment)
        {
            environment[name] = value;
        }

        environment["HYPERSEARCH_WORKLOAD"] = command.Name;
        environment["HYPERSEARCH_TRIAL_FILE"] = folder.TrialFilePath;
        environment["HYPERSEARCH_CHECKPOINT_DIR"] = folder.CheckpointDir;
        environment["HYPERSEARCH_RESUME"] = folder.Resume ? "1" : "0";
        environment["HYPERSEARCH_EPOCHS"] = values["{epochs}"];
        environment["HYPERSEARCH_SEED"] = values["{seed}"];
        environment["HYPERSEARCH_DEVICE"] = request.Device;
        environment["HYPERSEARCH_THREADS"] = threads;
        // cuda:N → only GPU N is visible (the program's cuda:0); cpu → none.
        environment["CUDA_VISIBLE_DEVICES"] = request.Device.StartsWith("cuda:", StringComparison.Ordinal) ? request.Device[5..] : "";

        var path = environment.TryGetValue("PATH", out var configured) ? configured : System.Environment.GetEnvironmentVariable("PATH");
        var executable = Resolve(command.Executable, directory, path)
            ?? throw new WorkloadException(command.Name, command.Executable.Contains('/')
                ? $"its executable '{Path.GetFullPath(command.Executable, directory)}' does not exist ({command.Source}:Executable)"
                : $"its executable '{command.Executable}' is not on PATH ({command.Source}:Executable; PATH={path})");
        return new ProgramLaunch(executable, arguments, directory, environment);
    }

    private static string? Resolve(string executable, string directory, string? path)
    {
        if (executable.Contains('/'))
        {
            var full = Path.GetFullPath(executable, directory);
            return File.Exists(full) ? full : null;
        }

        return (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(Path.GetFullPath(folder, directory), executable))
            .FirstOrDefault(File.Exists);
    }
}
