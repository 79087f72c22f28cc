using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Training;

/// <summary>
/// How a training run ended. <see cref="State"/> is Completed, Pruned, Diverged or Cancelled.
/// <see cref="Message"/> also carries warnings (e.g. a damaged checkpoint made the run start over).
/// </summary>
public sealed record TrainingOutcome(
    TrialState State,
    int EpochsRun,
    double? TestLoss = null,
    double? TestAccuracy = null,
    string? Message = null);
