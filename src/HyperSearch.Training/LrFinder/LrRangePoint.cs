namespace HyperSearch.Training.LrFinder;

/// <summary>One batch of the range test: the LR it used, its raw loss and the smoothed loss so far.</summary>
public sealed record LrRangePoint(int Step, double Lr, double Loss, double SmoothedLoss);
