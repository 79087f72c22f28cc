namespace HyperSearch.Core.Training;

/// <summary>
/// Trains one trial for real. Implementations report each epoch through <paramref name="onEpoch"/>,
/// which answers whether to go on (false = the pruner stopped the trial); they observe
/// <paramref name="cancellationToken"/> between batches and return Cancelled instead of throwing.
/// A NaN/inf loss ends the run as Diverged. Errors (bad workload, native failure) are exceptions.
/// </summary>
public interface ITrainer
{
    Task<TrainingOutcome> TrainAsync(
        TrainingRequest request,
        Func<EpochReport, ValueTask<bool>> onEpoch,
        CancellationToken cancellationToken);
}
