namespace HyperSearch.Core.Training;

/// <summary>
/// Metrics of one finished epoch (1-based). Losses may be NaN or ±Infinity: divergence is a result.
/// <see cref="Lr"/> is the LR of the epoch's last batch (before per-layer multipliers).
/// </summary>
public sealed record EpochReport(
    int Epoch,
    double TrainLoss,
    double ValLoss,
    double ValAccuracy,
    double Lr,
    double ElapsedSeconds);
