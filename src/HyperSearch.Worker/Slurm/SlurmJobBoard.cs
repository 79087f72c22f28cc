using HyperSearch.Core.Slurm;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// What the Slurm executor last saw, for the Queue page: its jobs with Slurm's state and reason, when it
/// looked, and the last Slurm failure (cleared by the next round that succeeds). Disabled when no executor
/// runs in this process.
/// </summary>
public sealed class SlurmJobBoard
{
    private volatile SlurmJobsSnapshot _current = new([], null, null);

    public bool Enabled { get; set; }

    public SlurmJobsSnapshot Current => _current;

    public void Saw(IReadOnlyList<SlurmJob> jobs, DateTimeOffset at) => _current = new SlurmJobsSnapshot(jobs, at, null);

    public void Failed(string problem) => _current = _current with { Problem = problem };
}
