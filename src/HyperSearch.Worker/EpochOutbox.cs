using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Training;

namespace HyperSearch.Worker;

/// <summary>
/// The epochs of one trial on their way to the database. While the database is unavailable they wait
/// here, in order, and training goes on; they are written as soon as it answers. A write is an
/// upsert on (trial, epoch), so one that reached the database before its answer was lost is not
/// duplicated when written again.
/// </summary>
public sealed class EpochOutbox(IWorkQueue queue, DatabaseRetry retry, LeaseRef lease, SlotRef slot)
{
    private readonly Queue<EpochReport> _pending = new();

    public bool IsEmpty => _pending.Count == 0;

    /// <summary>
    /// Queues <paramref name="report"/> and writes what it can now. False = the store says stop (cancelled,
    /// or the lease is gone). <paramref name="cancellationToken"/>: the trial stops (a write it interrupts stays queued).
    /// </summary>
    public async Task<bool> AddAsync(EpochReport report, CancellationToken cancellationToken)
    {
        _pending.Enqueue(report);
        while (_pending.TryPeek(out var next))
        {
            var (done, goOn) = await retry.TryOnceAsync("epoch report", slot, ct => queue.ReportEpochAsync(lease, next, ct), cancellationToken);
            if (!done) return true;
            _pending.Dequeue();
            if (!goOn) return false;
        }
        return true;
    }

    /// <summary>Writes every waiting epoch, retrying until the database answers or <paramref name="cancellationToken"/> fires.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_pending.TryPeek(out var next))
        {
            await retry.RunAsync("epoch report", slot, ct => queue.ReportEpochAsync(lease, next, ct), cancellationToken);
            _pending.Dequeue();
        }
    }
}
