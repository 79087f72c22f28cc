using HyperSearch.Core.Searches.Queue;
using HyperSearch.Worker.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperSearch.Worker.Tests;

public sealed class SlotSchedulerTests
{
    private static SlotScheduler Scheduler(IWorkQueue queue) =>
        new(queue, new RandomLrProposer(), new WorkerOptions(), DatabaseRetryTests.Retry(new SlotHealthBoard()), NullLogger<SlotScheduler>.Instance);

    [Fact]
    public async Task NextAsync_NumberTakenManyTimesInARow_KeepsResamplingUntilClaimed()
    {
        // Eight slots freeing together can lose seven races in a row; each loss means another trial started.
        var queue = new ScriptedAskQueue(numberTakenFirst: 7, TimeSpan.Zero);

        var trial = await Scheduler(queue).NextAsync(new SlotRef("w", "cpu", 0), CancellationToken.None);

        Assert.NotNull(trial);
        Assert.Equal(8, trial.Number);
        Assert.Equal(8, queue.Inserts);
    }

    [Fact]
    public async Task NextAsync_SlotsOfOneWorkerAtOnce_AskOneAtATimeWithoutLosingARace()
    {
        var queue = new ScriptedAskQueue(numberTakenFirst: 0, TimeSpan.FromMilliseconds(20));
        var scheduler = Scheduler(queue);

        var trials = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(i => scheduler.NextAsync(new SlotRef("w", "cpu", i), CancellationToken.None)));

        Assert.Equal(1, queue.MaxOverlappingAsks);
        Assert.Equal([1, 2, 3, 4], trials.Select(t => t!.Number).Order());
        Assert.Equal(4, queue.Inserts); // no resampling: each slot sampled the number it got
    }
}
