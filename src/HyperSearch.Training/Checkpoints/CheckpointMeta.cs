namespace HyperSearch.Training.Checkpoints;

/// <summary>
/// What a checkpoint says about itself: which run it belongs to (a checkpoint of another workload,
/// seed or config is never restored) and where that run was. <see cref="ValLosses"/> replays the
/// LR schedule (reduceOnPlateau steps with them) so the scheduler resumes at the same position.
/// </summary>
public sealed record CheckpointMeta(
    string Workload,
    int Seed,
    string ConfigJson,
    int Epoch,
    int BatchesPerEpoch,
    double ElapsedSeconds,
    IReadOnlyList<double> ValLosses);
