using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperSearch.Worker.Tests;

public sealed class DatabaseRetryTests
{
    private static readonly SlotRef Slot = new("w", "cpu", 1);

    internal static DatabaseRetry Retry(SlotHealthBoard board) =>
        new(new TimeoutIsTransient(), board, new WorkerOptions { RetryFirst = TimeSpan.FromMilliseconds(1), RetryMax = TimeSpan.FromMilliseconds(5) },
            TimeProvider.System, NullLogger<DatabaseRetry>.Instance);

    [Fact]
    public async Task RunAsync_TransientFaultsThenSuccess_RetriesAndMarksTheSlotUntilItSucceeds()
    {
        var board = new SlotHealthBoard();
        var calls = 0;
        var seenWhileFailing = new List<int>();

        var result = await Retry(board).RunAsync("claim", Slot, _ =>
        {
            seenWhileFailing.Add(board.Snapshot().Count);
            return ++calls < 4 ? throw new TimeoutException("database is locked") : Task.FromResult(42);
        }, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(4, calls);
        Assert.Equal([0, 1, 1, 1], seenWhileFailing);
        Assert.Empty(board.Snapshot());
    }

    [Fact]
    public async Task RunAsync_FaultRetryingCannotFix_ThrowsAtOnce()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Retry(new SlotHealthBoard()).RunAsync<int>("claim", Slot, _ => { calls++; throw new InvalidOperationException("bad query"); }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_WorkerStopsWhileTheDatabaseIsDown_EndsWithCancellation()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Retry(new SlotHealthBoard()).RunAsync<int>("claim", Slot, _ => throw new TimeoutException("down"), stop.Token));
    }

    [Fact]
    public async Task TryOnceAsync_TransientFault_ReportsNotDoneWithTheReasonAndSince()
    {
        var board = new SlotHealthBoard();
        var before = DateTimeOffset.UtcNow;

        var (done, _) = await Retry(board).TryOnceAsync<int>("epoch report", Slot, _ => throw new TimeoutException("database is locked"), CancellationToken.None);

        Assert.False(done);
        var health = Assert.Single(board.Snapshot());
        Assert.Equal(("cpu", 1, "database is locked"), (health.Device, health.Slot, health.Problem));
        Assert.InRange(health.Since, before, DateTimeOffset.UtcNow);
    }
}
