namespace HyperSearch.Core.Slurm;

/// <summary>What the planner needs of a profile: its name, the device slots one job's worker serves, and its job cap.</summary>
public sealed record SlurmProfileLimits(string Name, int SlotsPerJob, int MaxJobs);
