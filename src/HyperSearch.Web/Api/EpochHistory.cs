using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Api;

/// <summary>
/// Every stored epoch of the exported trials, unthinned (the charts' reads thin long series), read
/// a bounded number of trials at a time so a search of thousands of trials is not one huge query.
/// </summary>
internal static class EpochHistory
{
    private const int TrialsPerRead = 200;

    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>> ReadAsync(ITrialStore store, IReadOnlyList<TrialRow> trials, CancellationToken ct)
    {
        var history = new Dictionary<long, IReadOnlyList<EpochPoint>>();
        foreach (var chunk in trials.Select(t => t.Id).Chunk(TrialsPerRead))
        {
            foreach (var (id, epochs) in await store.GetEpochsAsync(chunk, int.MaxValue, ct)) history[id] = epochs;
        }

        return history;
    }
}
