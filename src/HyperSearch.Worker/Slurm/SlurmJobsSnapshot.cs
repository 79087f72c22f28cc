using HyperSearch.Core.Slurm;

namespace HyperSearch.Worker.Slurm;

/// <summary>The executor's jobs as squeue last showed them (<paramref name="SeenAt"/>), and the last Slurm failure since (null: none).</summary>
public sealed record SlurmJobsSnapshot(IReadOnlyList<SlurmJob> Jobs, DateTimeOffset? SeenAt, string? Problem);
