using HyperSearch.Core.Faults;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches.Queue;

/// <summary>How a held trial ended (Completed, Pruned, Diverged, Failed or Cancelled); a failure says its <see cref="FailureKind"/>.</summary>
public sealed record TrialResult(TrialState State, int EpochsRun, double? TestLoss = null, double? TestAccuracy = null, string? Error = null, FailureKind? Kind = null);
