using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Searches.Queue;

/// <summary>A trial a worker now holds, with everything needed to train it.</summary>
public sealed record ClaimedTrial
{
    public required LeaseRef Lease { get; init; }
    public required long SearchId { get; init; }
    public required int Number { get; init; }
    public required TrialKind Kind { get; init; }
    public required TrialConfig Config { get; init; }
    public required string Workload { get; init; }
    public required int Epochs { get; init; }
    public required ScheduleUnit ScheduleUnit { get; init; }
    /// <summary>Training seed: the search seed plus the trial number, so a retry or the test run reproduces it.</summary>
    public required int Seed { get; init; }
    public required ObjectiveMetric Objective { get; init; }
    public required ObjectiveDirection Direction { get; init; }
    public required PrunerSpec Pruner { get; init; }
    /// <summary>
    /// The epochs the database holds for this trial (1..EpochsStored) when it was claimed: the trainer must
    /// not resume from a checkpoint beyond them, or the epochs in between would never be stored (a worker
    /// that lost its lease may have trained, and checkpointed, ahead of what it could write).
    /// </summary>
    public int EpochsStored { get; init; }
}
