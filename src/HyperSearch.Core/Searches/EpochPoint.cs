namespace HyperSearch.Core.Searches;

/// <summary>One stored epoch of a trial. Losses may be NaN or ±Infinity (stored faithfully).</summary>
public sealed record EpochPoint(
    long Id,
    long TrialId,
    int Epoch,
    double TrainLoss,
    double ValLoss,
    double ValAccuracy,
    double Lr,
    double ElapsedSeconds,
    int Attempt);
