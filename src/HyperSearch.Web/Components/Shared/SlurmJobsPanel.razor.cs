using HyperSearch.Core.Slurm;
using HyperSearch.Worker.Slurm;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

/// <summary>The Queue page's Slurm section: the executor's jobs as squeue last showed them, and its last Slurm failure.</summary>
public partial class SlurmJobsPanel
{
    [Parameter, EditorRequired] public required SlurmJobsSnapshot Jobs { get; set; }

    /// <summary>Slurm's reason for a job that is not running ("Resources", "Priority", "QOSMaxJobsPerUserLimit"); "None" shows as nothing.</summary>
    private static string ReasonText(SlurmJob job) => job.Reason is "None" or "" ? "" : job.Reason;

    /// <summary>"0:42 of 4:00:00": how long it has run, of its time limit.</summary>
    private static string TimeText(SlurmJob job) =>
        job.IsPending ? (job.TimeLimit is { Length: > 0 } limit ? $"limit {limit}" : "")
        : job.TimeLimit is { Length: > 0 } l && l != "UNLIMITED" ? $"{job.Elapsed} of {l}" : job.Elapsed;
}
