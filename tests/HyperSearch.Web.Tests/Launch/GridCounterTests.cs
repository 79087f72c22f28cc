using System.Diagnostics;
using HyperSearch.Core.Sampling;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Tests.Launch;

/// <summary>
/// The launch form counts the grid on the server at every edit (the circuit's one thread waits for
/// it). Issue 31's blocker: 1000000 in Grid points hung the page and left that thread spinning,
/// because the count enumerated every point before the ≤ 1000 check and de-duplicated in O(n²).
/// </summary>
public class GridCounterTests
{
    private static LaunchForm Grid(int points)
    {
        var form = LaunchForm.CreateDefault("two-spirals");
        form.Strategy = SearchStrategy.Grid;
        form.GridPoints = points;
        return form;
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(int.MaxValue)]
    public async Task Count_PointsAboveTheLimit_AnsweredWithinASecondWithoutCounting(int points)
    {
        var clock = Stopwatch.StartNew();
        // On a worker thread so a count that never ends fails the test instead of hanging it.
        var count = Task.Run(() => GridCounter.Count(Grid(points)));

        var answered = await Task.WhenAny(count, Task.Delay(TimeSpan.FromSeconds(1))) == count;

        Assert.True(answered, $"no answer after {clock.ElapsedMilliseconds} ms: the grid is being enumerated");
        Assert.Null(await count); // the box shows the validator's "must be ≤ 1000"
    }

    [Fact]
    public async Task Count_TheLimit_AnsweredWithinASecond()
    {
        var form = Grid(GridSampler.MaxPointsPerRange);
        var count = Task.Run(() => GridCounter.Count(form));

        var answered = await Task.WhenAny(count, Task.Delay(TimeSpan.FromSeconds(1))) == count;

        Assert.True(answered, "no answer within 1 s for the largest allowed grid");
        Assert.True(await count > 1_000_000);
    }
}
