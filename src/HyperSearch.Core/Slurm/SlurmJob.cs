namespace HyperSearch.Core.Slurm;

/// <summary>
/// One of the executor's worker jobs as <c>squeue</c> shows it: its id, the profile (team) it was
/// submitted for, Slurm's state (PENDING, RUNNING, COMPLETING, …), the reason it waits or ended
/// (Priority, Resources, QOSMaxJobsPerUserLimit, …; "None" when it runs), how long it has run and its time limit.
/// </summary>
public sealed record SlurmJob(string JobId, string Profile, string State, string Reason, string Elapsed = "", string TimeLimit = "")
{
    public bool IsPending => State == "PENDING";
}
