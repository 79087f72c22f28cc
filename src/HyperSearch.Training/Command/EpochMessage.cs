namespace HyperSearch.Training.Command;

/// <summary>
/// <c>{"epoch": 3, "trainLoss": …, "valLoss": …, "valAccuracy": …}</c>: an epoch finished. <see cref="Lr"/>
/// is optional (the worker's schedule gives it otherwise); every other numeric field is kept in
/// <see cref="Extra"/> by name (a custom metric: <c>"f1": 0.82</c>).
/// </summary>
public sealed record EpochMessage(
    int Epoch,
    double TrainLoss,
    double ValLoss,
    double ValAccuracy,
    double? Lr,
    IReadOnlyDictionary<string, double> Extra) : ProgramMessage;
