using HyperSearch.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// HyperSearch:Slurm — the Slurm executor. Enabled, WorkerCommand (the command line that starts
/// <c>hypersearch</c> on a compute node, e.g. <c>/opt/hypersearch/hypersearch</c>; required when enabled),
/// IntervalSeconds (how often it looks), ExitWhenIdleSeconds (a job's worker ends after that long without a
/// trial), GraceSeconds (SIGTERM that long before the time limit), MaxJobs (all profiles together), JobName
/// (the prefix that marks the executor's jobs in squeue), LogDirectory (the jobs' output files), and the
/// default profile's Partition, Account, Qos, Gres, TimeLimit, MaxJobsPerProfile, SlotsPerGpu, CpuSlots,
/// CpusPerTask (Gres "none": a CPU job where the default asks for GPUs) — which Teams:&lt;team name&gt;:… override per team (see docs/queue.md, "On a Slurm cluster").
/// </summary>
public sealed record SlurmSettings
{
    public const string Section = "HyperSearch:Slurm";
    public const string DefaultProfile = "default";

    public bool Enabled { get; init; }
    public string WorkerCommand { get; init; } = "";
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ExitWhenIdle { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(60);
    public int MaxJobs { get; init; } = 16;
    public string JobName { get; init; } = "hypersearch";
    public string LogDirectory { get; init; } = "slurm-logs";
    /// <summary>The default profile first, then one per configured team.</summary>
    public IReadOnlyList<SlurmProfile> Profiles { get; init; } = [];

    /// <summary>The profile a team's demand goes to: its own if configured, else the default.</summary>
    public string ProfileOf(string team) => Profiles.Any(p => p.Name == team && team != DefaultProfile) ? team : DefaultProfile;

    /// <summary>The settings; a <see cref="SettingsException"/> names every mistyped key.</summary>
    public static SlurmSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new SettingsReader(Section, name => section[name]);
        var enabled = settings.Boolean("Enabled", false);
        var workerCommand = settings.Text("WorkerCommand") ?? "";
        if (enabled && workerCommand.Length == 0)
            settings.Add("WorkerCommand", "required when the Slurm executor is enabled (the command that starts hypersearch on a compute node)");
        var defaults = ReadProfile(DefaultProfile, settings, null);
        var profiles = new List<SlurmProfile> { defaults };
        var teamProblems = new List<string>();
        foreach (var team in section.GetSection("Teams").GetChildren())
        {
            var teamSettings = new SettingsReader($"{Section}:Teams:{team.Key}", name => team[name]);
            profiles.Add(ReadProfile(team.Key, teamSettings, defaults));
            teamProblems.AddRange(teamSettings.Problems);
        }
        var result = new SlurmSettings
        {
            Enabled = enabled,
            WorkerCommand = workerCommand,
            Interval = TimeSpan.FromSeconds(settings.PositiveNumber("IntervalSeconds", 10)),
            ExitWhenIdle = TimeSpan.FromSeconds(settings.PositiveNumber("ExitWhenIdleSeconds", 120)),
            Grace = TimeSpan.FromSeconds(settings.PositiveInteger("GraceSeconds", 60)),
            MaxJobs = settings.PositiveInteger("MaxJobs", 16),
            JobName = settings.Text("JobName") ?? "hypersearch",
            LogDirectory = Path.GetFullPath(settings.Text("LogDirectory") ?? "slurm-logs"),
            Profiles = profiles,
        };
        if (settings.Problems.Count + teamProblems.Count > 0) throw new SettingsException([.. settings.Problems, .. teamProblems]);
        return result;
    }

    private static SlurmProfile ReadProfile(string name, SettingsReader settings, SlurmProfile? defaults)
    {
        var cpusPerTask = settings.Text("CpusPerTask") is null ? defaults?.CpusPerTask : settings.PositiveInteger("CpusPerTask", 1);
        return new SlurmProfile(
            name,
            settings.Text("Partition") ?? defaults?.Partition,
            settings.Text("Account") ?? defaults?.Account,
            settings.Text("Qos") ?? defaults?.Qos,
            settings.Text("Gres") is { } gres ? (gres == "none" ? null : gres) : defaults?.Gres,
            settings.Text("TimeLimit") ?? defaults?.TimeLimit,
            settings.PositiveInteger(defaults is null ? "MaxJobsPerProfile" : "MaxJobs", defaults?.MaxJobs ?? 16),
            settings.PositiveInteger("SlotsPerGpu", defaults?.SlotsPerGpu ?? 1),
            settings.PositiveInteger("CpuSlots", defaults?.CpuSlots ?? 1),
            cpusPerTask);
    }
}
