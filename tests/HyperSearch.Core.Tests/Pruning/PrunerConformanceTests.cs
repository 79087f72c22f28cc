using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Pruning;

/// <summary>What every pruner must do; one derived class per pruner runs all of it.</summary>
public abstract class PrunerConformanceTests
{
    protected const int Steps = 27;

    protected abstract IPruner Create();

    /// <summary>Ten completed trials with falling curves, the i-th ending at i.</summary>
    protected static List<TrialCurve> Completed(int count = 10) => Enumerable.Range(1, count)
        .Select(i => new TrialCurve(i, TrialState.Completed, Curve(start: 10 + i, end: i)))
        .ToList();

    protected static IReadOnlyList<double> Curve(double start, double end, int steps = Steps) =>
        Enumerable.Range(0, steps).Select(s => start + (end - start) * s / (steps - 1)).ToList();

    private static bool PrunedAtAnyStep(IPruner pruner, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction) =>
        Enumerable.Range(1, current.Values.Count).Any(step =>
            pruner.ShouldPrune(step, current with { Values = current.Values.Take(step).ToList() }, others, direction));

    [Fact]
    public void ShouldPrune_NoOtherTrials_NeverPrunes()
    {
        var current = new TrialCurve(1, TrialState.Running, Curve(100, 50));

        Assert.False(PrunedAtAnyStep(Create(), current, [], ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_BetterThanEveryCompletedTrial_NeverPrunes()
    {
        var current = new TrialCurve(11, TrialState.Running, Curve(5, 0.1));

        Assert.False(PrunedAtAnyStep(Create(), current, Completed(), ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_FarWorseThanEveryCompletedTrial_PrunesSomewhere()
    {
        var current = new TrialCurve(11, TrialState.Running, Curve(100, 80));

        Assert.True(PrunedAtAnyStep(Create(), current, Completed(), ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_MirroredValuesWhenMaximizing_SameDecisions()
    {
        var pruner = Create();
        var others = Completed();
        var current = new TrialCurve(11, TrialState.Running, Curve(14, 6));
        TrialCurve Negate(TrialCurve c) => c with { Values = c.Values.Select(v => -v).ToList() };

        for (var step = 1; step <= Steps; step++)
        {
            Assert.Equal(
                pruner.ShouldPrune(step, current, others, ObjectiveDirection.Minimize),
                pruner.ShouldPrune(step, Negate(current), others.Select(Negate).ToList(), ObjectiveDirection.Maximize));
        }
    }

    [Fact]
    public void ShouldPrune_OrderOfOtherTrials_DoesNotMatter()
    {
        var pruner = Create();
        var others = Completed();
        var shuffled = others.OrderBy(o => (o.Number * 7) % 11).ToList();
        var current = new TrialCurve(11, TrialState.Running, Curve(16, 4));

        for (var step = 1; step <= Steps; step++)
        {
            Assert.Equal(pruner.ShouldPrune(step, current, others, ObjectiveDirection.Minimize),
                pruner.ShouldPrune(step, current, shuffled, ObjectiveDirection.Minimize));
        }
    }

    [Fact]
    public void ShouldPrune_AllNaNCurve_PrunesSomewhere()
    {
        var current = new TrialCurve(11, TrialState.Running, Enumerable.Repeat(double.NaN, Steps).ToList());

        Assert.True(PrunedAtAnyStep(Create(), current, Completed(), ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_OnlyFailedOrRunningOthers_NeverPrunes()
    {
        var others = Completed().Select(c => c with { State = TrialState.Failed }).ToList();
        var current = new TrialCurve(11, TrialState.Running, Curve(100, 80));

        Assert.False(PrunedAtAnyStep(Create(), current, others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_StepBeyondReportedValues_DoesNotPrune()
    {
        var current = new TrialCurve(11, TrialState.Running, Curve(100, 80).Take(3).ToList());

        Assert.False(Create().ShouldPrune(9, current, Completed(), ObjectiveDirection.Minimize));
    }
}
