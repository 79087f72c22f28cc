using HyperSearch.Core.Training;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>A re-claimed trial resuming from a checkpoint: epochs after it are dropped, progress recomputed.</summary>
public sealed class RewindTests
{
    private static readonly QueueSettings ShortLease = new(TimeSpan.FromSeconds(2), 3);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RewindEpochs_RetryResumesAfterCheckpoint_LaterEpochsDroppedBestRecomputed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, ShortLease);
        var w = await ClaimTests.Register(db);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var first = (await Specs.AskAsync(db.WorkQueue, id, Specs.Slot(w))).Trial!;
        double[] valLosses = [0.9, 0.8, 0.3, 0.6];
        for (var e = 1; e <= 4; e++) await db.WorkQueue.ReportEpochAsync(first.Lease, new EpochReport(e, 1, valLosses[e - 1], 0.5, 0.01, e));
        await InContact.PassAsync(db, w, TimeSpan.FromSeconds(3));
        var retry = (await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(w)))!;

        await db.WorkQueue.RewindEpochsAsync(first.Lease, 0); // the lost lease changes nothing
        await db.WorkQueue.RewindEpochsAsync(retry.Lease, 2);

        var trial = (await db.Store.GetTrialAsync(first.Lease.TrialId))!;
        Assert.Equal([1, 2], (await db.Store.GetEpochsAsync(trial.Id)).Select(e => e.Epoch));
        Assert.Equal(2, trial.EpochsDone);
        Assert.Equal(0.8, trial.BestValue);
        Assert.Equal(0.8, trial.FinalValue);
        // The retry writes epoch 3 again: one row, the new attempt's.
        await db.WorkQueue.ReportEpochAsync(retry.Lease, new EpochReport(3, 1, 0.3, 0.5, 0.01, 3));
        var third = (await db.Store.GetEpochsAsync(trial.Id)).Single(e => e.Epoch == 3);
        Assert.Equal(retry.Lease.Attempt, third.Attempt);
        Assert.Equal(0.3, (await db.Store.GetTrialAsync(trial.Id))!.BestValue);
    }
}
