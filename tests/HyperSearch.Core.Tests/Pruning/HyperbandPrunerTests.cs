using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Pruning;

public class HyperbandPrunerTests
{
    [Fact]
    public void Brackets_R27Eta3_AreFourWithRungsFromEachMinimumResource()
    {
        var pruner = new HyperbandPruner(3, 1, 27);

        Assert.Equal(4, pruner.BracketCount);
        Assert.Equal([1, 3, 9, 27], pruner.RungsOf(0));
        Assert.Equal([3, 9, 27], pruner.RungsOf(1));
        Assert.Equal([27], pruner.RungsOf(3));
    }

    [Fact]
    public void BracketOf_ManyTrials_FollowsHyperbandsTrialCounts()
    {
        // n_b = ⌈4/(b+1)⌉·3^(3−b) = 108, 18, 6, 1 of 133.
        var pruner = new HyperbandPruner(3, 1, 27);
        var counts = new int[4];
        for (var n = 1; n <= 13_100; n++) counts[pruner.BracketOf(n)]++;

        Assert.Equal([10_600, 1_800, 600, 100], counts.Select(c => (int)Math.Round(c / 100.0) * 100));
    }

    [Fact]
    public void ShouldPrune_WorseTrialOfAnotherBracket_IsNotCompetition()
    {
        var pruner = new HyperbandPruner(3, 1, 27);
        var numbers = Enumerable.Range(1, 200).ToList();
        var current = numbers.First(n => pruner.BracketOf(n) == 0);
        var otherBracket = numbers.Where(n => pruner.BracketOf(n) != 0).Take(5)
            .Select(n => new TrialCurve(n, TrialState.Completed, Enumerable.Repeat(0.1, 27).ToList())).ToList();
        var sameBracket = numbers.Where(n => n != current && pruner.BracketOf(n) == 0).Take(5)
            .Select(n => new TrialCurve(n, TrialState.Completed, Enumerable.Repeat(0.1, 27).ToList())).ToList();
        var curve = new TrialCurve(current, TrialState.Running, [5.0]);

        Assert.False(pruner.ShouldPrune(1, curve, otherBracket, ObjectiveDirection.Minimize));
        Assert.True(pruner.ShouldPrune(1, curve, sameBracket, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_AtMaxResource_NeverStopsAFinishedBudget()
    {
        var pruner = new HyperbandPruner(3, 1, 9);
        var current = Enumerable.Range(1, 200).First(n => pruner.BracketOf(n) == 0);
        var better = Enumerable.Range(1, 200).Where(n => n != current && pruner.BracketOf(n) == 0).Take(5)
            .Select(n => new TrialCurve(n, TrialState.Completed, Enumerable.Repeat(0.1, 9).ToList())).ToList();
        var worst = new TrialCurve(current, TrialState.Running, Enumerable.Repeat(5.0, 9).ToList());

        Assert.True(pruner.ShouldPrune(3, worst, better, ObjectiveDirection.Minimize));
        Assert.False(pruner.ShouldPrune(9, worst, better, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void Create_Hyperband_TakesMaxResourceAndRejectsOneBelowMin()
    {
        var pruner = Assert.IsType<HyperbandPruner>(PrunerFactory.Create(new PrunerSpec { Type = "hyperband", MinResource = 2, MaxResource = 18 }));
        Assert.Equal(3, pruner.BracketCount);

        var error = Assert.Throws<ArgumentException>(() => PrunerFactory.Create(new PrunerSpec { Type = "hyperband", MinResource = 5, MaxResource = 4 }));
        Assert.Contains("pruner.maxResource", error.Message);
    }
}
