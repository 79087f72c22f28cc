using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// How every database call of the worker meets a passing fault (locked file, restarting server):
/// it waits with capped exponential back-off and jitter and tries again, for as long as the worker
/// runs, marking the slot as backing off meanwhile. Faults that retrying cannot fix are thrown.
/// </summary>
public sealed class DatabaseRetry(ITransientFaultDetector faults, SlotHealthBoard health, WorkerOptions options, TimeProvider time, ILogger<DatabaseRetry> logger)
{
    public async Task<T> RunAsync<T>(string operation, SlotRef? slot, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await call(cancellationToken);
                if (slot is not null) health.Healthy(slot);
                return result;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && faults.IsTransient(e))
            {
                var delay = RetryBackoff.Delay(attempt, options.RetryFirst, options.RetryMax, Random.Shared.NextDouble());
                Record(operation, slot, e, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    public Task RunAsync(string operation, SlotRef? slot, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, slot, async ct => { await call(ct); return true; }, cancellationToken);

    /// <summary>One try: false (and the slot marked) when the database is unavailable, so the caller can go on without it.</summary>
    public async Task<(bool Done, T? Value)> TryOnceAsync<T>(string operation, SlotRef slot, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call(cancellationToken);
            health.Healthy(slot);
            return (true, result);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && faults.IsTransient(e))
        {
            Record(operation, slot, e, 0, TimeSpan.Zero);
            return (false, default);
        }
    }

    private void Record(string operation, SlotRef? slot, Exception e, int attempt, TimeSpan delay)
    {
        var reason = faults.Describe(e);
        if (slot is not null) health.Failing(slot, reason, time.GetUtcNow());
        // The first failure and then every tenth: an outage of minutes must not flood the log.
        if (attempt % 10 == 0)
            logger.LogWarning("{Operation} on {Slot}: {Reason}; retrying in {Delay:0.0} s (attempt {Attempt})",
                operation, slot is null ? "worker" : $"{slot.Device}/{slot.Slot}", reason, delay.TotalSeconds, attempt + 1);
    }
}
