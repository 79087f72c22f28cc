using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Pruning;

public class AshaPrunerTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(27, true)]
    public void IsRung_MinResource1Eta3_RungsAtPowersOfThree(int step, bool expected) =>
        Assert.Equal(expected, new AshaPruner(3, 1).IsRung(step));

    [Fact]
    public void IsRung_MinResource2Eta2_RungsAt2_4_8() =>
        Assert.Equal([2, 4, 8, 16], Enumerable.Range(1, 20).Where(new AshaPruner(2, 2).IsRung));

    [Theory]
    [InlineData(1.0, false)] // the best of 9 → top third
    [InlineData(3.0, false)] // third best of 9 → still top third
    [InlineData(3.5, true)]  // fourth of 9 → halved away
    public void ShouldPrune_AtRung_KeepsOnlyTopOneOverEta(double value, bool expected)
    {
        // Eight trials reached rung 3 with values 1.5, 2.5, 3.2, 5, …; with the current one that
        // makes 9, so the top 9 / 3 = 3 continue.
        double[] rungValues = [1.5, 2.5, 3.2, 5, 6, 7, 8, 9];
        var others = rungValues.Select((v, i) => new TrialCurve(i + 1, i % 2 == 0 ? TrialState.Pruned : TrialState.Running, [v, v, v])).ToList();
        var current = new TrialCurve(100, TrialState.Running, [value, value, value]);

        Assert.Equal(expected, new AshaPruner(3, 1).ShouldPrune(3, current, others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_BetweenRungs_NeverPrunes()
    {
        var others = Enumerable.Range(1, 9).Select(i => new TrialCurve(i, TrialState.Completed, Enumerable.Repeat(1.0, 9).ToList())).ToList();
        var current = new TrialCurve(100, TrialState.Running, Enumerable.Repeat(50.0, 9).ToList());
        var pruner = new AshaPruner(3, 1);

        Assert.All(new[] { 2, 4, 5, 6, 7, 8 }, step => Assert.False(pruner.ShouldPrune(step, current, others, ObjectiveDirection.Minimize)));
        Assert.True(pruner.ShouldPrune(9, current, others, ObjectiveDirection.Minimize));
    }

    [Fact]
    public void ShouldPrune_FewerThanEtaAtRung_OnlyTheBestContinues()
    {
        var others = new List<TrialCurve> { new(1, TrialState.Running, [2.0]) };
        var pruner = new AshaPruner(3, 1);

        Assert.False(pruner.ShouldPrune(1, new TrialCurve(2, TrialState.Running, [1.0]), others, ObjectiveDirection.Minimize));
        Assert.True(pruner.ShouldPrune(1, new TrialCurve(2, TrialState.Running, [3.0]), others, ObjectiveDirection.Minimize));
    }
}
