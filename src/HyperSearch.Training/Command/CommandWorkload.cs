using HyperSearch.Core.Training;

namespace HyperSearch.Training.Command;

/// <summary>
/// A workload that is the team's own program (appsettings.json <c>HyperSearch:Workloads:Commands</c>):
/// for each trial the worker starts <see cref="Executable"/> with <see cref="Arguments"/> in
/// <see cref="WorkingDirectory"/> and talks to it through the line protocol of docs/training.md
/// ("Your own program").
/// </summary>
public sealed record CommandWorkload
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>A path, or a name looked up on PATH (e.g. <c>/usr/bin/python3</c>).</summary>
    public required string Executable { get; init; }

    /// <summary>
    /// Passed as they are, one argument each (no shell). <c>{trialFile}</c>, <c>{checkpointDir}</c>,
    /// <c>{epochs}</c>, <c>{seed}</c>, <c>{device}</c> and <c>{threads}</c> are replaced by the trial's values.
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Null = the worker's current directory. Relative paths resolve against it.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Set for the program on top of the worker's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The longest the program may go without a protocol line (its start-up and first epoch count too):
    /// a hang fails the trial instead of holding the device forever.
    /// </summary>
    public TimeSpan EpochTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a program told to stop (pruned, diverged) or sent SIGTERM (cancelled) has before SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>params</c> the program reads (setting <c>Parameters</c>); null when the settings declare none (any pass).</summary>
    public IReadOnlyList<WorkloadParameter>? Parameters { get; init; }

    /// <summary>The batch sizes the program accepts (setting <c>BatchSize</c>); null: any.</summary>
    public WorkloadParameter? BatchSize { get; init; }

    /// <summary>Where it was configured (<c>HyperSearch:Workloads:Commands:0</c>), for messages that name the key to fix.</summary>
    public string Source { get; init; } = CommandWorkloadSettings.Section;

    /// <summary>The command line as the lists show it.</summary>
    public string CommandLine => string.Join(' ', new[] { Executable }.Concat(Arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''")}'";
}
