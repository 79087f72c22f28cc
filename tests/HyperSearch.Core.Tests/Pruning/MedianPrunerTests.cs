using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Pruning;

public class MedianPrunerTests
{
    // Completed trials with constant curves at 1, 2, 3, 4, 5: the median at every step is 3.
    private static readonly List<TrialCurve> Others = Enumerable.Range(1, 5)
        .Select(i => new TrialCurve(i, TrialState.Completed, Enumerable.Repeat((double)i, 10).ToList()))
        .ToList();

    [Theory]
    [InlineData(3.5, true)]
    [InlineData(3.0, false)]
    [InlineData(2.5, false)]
    public void ShouldPrune_BestSoFarAgainstMedian_PrunesOnlyWhenWorse(double value, bool expected)
    {
        var current = new TrialCurve(6, TrialState.Running, [value, value, value]);

        Assert.Equal(expected, new MedianPruner(startupTrials: 5).ShouldPrune(3, current, Others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_EarlierBestBelowMedian_KeepsTrial()
    {
        // Optuna compares the best value so far, not the latest one.
        var current = new TrialCurve(6, TrialState.Running, [2.0, 9.0, 9.0]);

        Assert.False(new MedianPruner(startupTrials: 5).ShouldPrune(3, current, Others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_FewerCompletedThanStartup_KeepsTrial()
    {
        var current = new TrialCurve(6, TrialState.Running, [9.0, 9.0]);

        Assert.False(new MedianPruner(startupTrials: 6).ShouldPrune(2, current, Others, ObjectiveDirection.Minimize));
        Assert.True(new MedianPruner(startupTrials: 5).ShouldPrune(2, current, Others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_DuringWarmup_KeepsTrial()
    {
        var current = new TrialCurve(6, TrialState.Running, [9.0, 9.0, 9.0]);
        var pruner = new MedianPruner(startupTrials: 0, warmupSteps: 2);

        Assert.False(pruner.ShouldPrune(2, current, Others, ObjectiveDirection.Minimize));
        Assert.True(pruner.ShouldPrune(3, current, Others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_RunningOthers_NotPartOfMedian()
    {
        var running = Enumerable.Range(10, 20).Select(i => new TrialCurve(i, TrialState.Running, [100.0, 100.0])).ToList();
        var current = new TrialCurve(6, TrialState.Running, [3.5, 3.5]);

        Assert.True(new MedianPruner(startupTrials: 5).ShouldPrune(2, current, Others.Concat(running).ToList(), ObjectiveDirection.Minimize));
    }
}
