namespace HyperSearch.Training.Command;

/// <summary>What the worker noted of an epoch a program reported: enough to replay the LR schedule on resume.</summary>
public sealed record RecordedEpoch(double ValLoss, double ElapsedSeconds);
