namespace HyperSearch.Training.LrFinder;

/// <summary>
/// The recorded curve and the advice drawn from it. <see cref="SuggestedLr"/> is the LR where the
/// smoothed loss falls fastest (per decade of LR); <see cref="RangeLow"/>…<see cref="RangeHigh"/> is
/// the search range around it. All three are null when the loss never fell.
/// </summary>
public sealed record LrRangeTestResult(
    string Workload,
    IReadOnlyList<LrRangePoint> Points,
    double? SuggestedLr,
    double? RangeLow,
    double? RangeHigh,
    bool StoppedOnDivergence,
    string? Message = null);
