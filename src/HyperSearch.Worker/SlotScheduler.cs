using HyperSearch.Core.FairShare;
using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Logging;

namespace HyperSearch.Worker;

/// <summary>
/// What a free slot runs next: a queued trial if any (in the claim order, docs/queue.md), otherwise a new
/// trial asked from a running search's sampler (sampled here, inserted by the store only if the
/// budget and parallelism still allow; if another worker took the number first, sample again).
/// Store calls wait out passing database faults (<see cref="DatabaseRetry"/>).
/// </summary>
public sealed class SlotScheduler(IWorkQueue queue, ITrialProposer proposer, WorkerOptions options, DatabaseRetry retry, ILogger<SlotScheduler> logger)
{
    // A lost race (NumberTaken) means another slot got a trial, so those rounds always make progress
    // and are bounded by the budget; this cap only guards against a store that keeps refusing.
    private const int MaxRounds = 64;

    // The slots of one worker ask one at a time: trials of equal length free their slots together,
    // and without this they would all sample the same trial number and all but one resample.
    private readonly SemaphoreSlim _askGate = new(1, 1);

    public int ThreadsFor(string device)
    {
        if (device != "cpu") return 1;
        var cpuSlots = options.Devices.Where(d => d.Device == "cpu").Sum(d => d.Slots);
        return Math.Max(1, Environment.ProcessorCount / Math.Max(1, cpuSlots));
    }

    public async Task<ClaimedTrial?> NextAsync(SlotRef slot, CancellationToken cancellationToken)
    {
        var queued = await retry.RunAsync("claim", slot, ct => queue.ClaimQueuedAsync(slot, ct), cancellationToken);
        if (queued is not null) return queued;

        await _askGate.WaitAsync(cancellationToken);
        try
        {
            return await AskAsync(slot, cancellationToken);
        }
        finally
        {
            _askGate.Release();
        }
    }

    private async Task<ClaimedTrial?> AskAsync(SlotRef slot, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var candidates = await retry.RunAsync("ask", slot, ct => queue.GetAskCandidatesAsync(3, DeviceKind.Of(slot.Device), ct), cancellationToken);
            if (candidates.Count == 0) return null;
            var resample = false;
            var passedOver = new List<long>();
            foreach (var candidate in candidates)
            {
                var config = await ProposeAsync(candidate, slot, cancellationToken);
                if (config is null)
                {
                    passedOver.Add(candidate.SearchId);
                    continue;
                }
                var result = await retry.RunAsync("insert asked trial", slot,
                    ct => queue.InsertAskedTrialAsync(candidate.SearchId, candidate.NextNumber, config, slot, passedOver, ct), cancellationToken);
                if (result.Status == AskStatus.Claimed) return result.Trial;
                // Another slot started a trial meanwhile: the number or the teams' shares changed.
                if (result.Status is AskStatus.NumberTaken or AskStatus.TeamBehind)
                {
                    resample = true;
                    break;
                }
            }
            if (!resample) return null;
        }
        return null;
    }

    private async Task<Core.Configuration.TrialConfig?> ProposeAsync(AskCandidate candidate, SlotRef slot, CancellationToken cancellationToken)
    {
        try
        {
            var config = proposer.Propose(candidate);
            if (config is null)
                await retry.RunAsync("sampler exhausted", slot, ct => queue.MarkSamplerExhaustedAsync(candidate.SearchId, ct), cancellationToken);
            return config;
        }
        catch (Core.Pbt.SamplerWaitingException)
        {
            // PBT: members can continue once their segments end; ask again then.
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A sampler that cannot sample this search never will: fail the search instead of retrying forever.
            logger.LogError(e, "Sampler failed for search {SearchId}", candidate.SearchId);
            await retry.RunAsync("fail search", slot, ct => queue.FailSearchAsync(candidate.SearchId, $"the sampler failed: {e.Message}", ct), cancellationToken);
            return null;
        }
    }
}
