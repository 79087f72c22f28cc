using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Training;

/// <summary>Everything a trainer needs to run one trial.</summary>
public sealed record TrainingRequest
{
    public required string Workload { get; init; }
    public required TrialConfig Config { get; init; }
    public required int Epochs { get; init; }
    public ScheduleUnit ScheduleUnit { get; init; } = ScheduleUnit.Epoch;
    /// <summary><c>cpu</c>, <c>cuda:0</c>, …</summary>
    public string Device { get; init; } = "cpu";
    public int Seed { get; init; }
    /// <summary>Intra-op threads for this trial (a CPU slot's share of the cores).</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Also evaluate the held-out test set after the last epoch (done once, for the best trial).</summary>
    public bool EvaluateTestSet { get; init; }

    /// <summary>
    /// Where this run keeps its checkpoint (a queued trial's id, <c>trial-42</c>); null = no checkpoints.
    /// A run whose key already holds a checkpoint of the same workload, seed and config resumes after it.
    /// </summary>
    public string? CheckpointKey { get; init; }

    /// <summary>
    /// The last epoch the database holds for this run (null = no limit). A checkpoint beyond it is not
    /// resumed from: the epochs between would never be stored (it was written by an attempt that lost its
    /// lease before its epochs reached the database); the run starts over instead and says so.
    /// </summary>
    public int? ResumeAtMost { get; init; }

    /// <summary>
    /// PBT: when <see cref="CheckpointKey"/> holds nothing yet, start from this checkpoint (another run's:
    /// its weights, optimizer state and epoch) under this request's config; the schedule is replayed to
    /// that epoch, so the schedule position is copied too.
    /// </summary>
    public string? ForkFromKey { get; init; }

    /// <summary>
    /// Called once before the first epoch with the epochs already done (restored from a checkpoint; 0
    /// when training starts from scratch), so the caller can drop epochs it stored after that point:
    /// they are trained and reported again.
    /// </summary>
    public Func<int, ValueTask>? OnStart { get; init; }
}
