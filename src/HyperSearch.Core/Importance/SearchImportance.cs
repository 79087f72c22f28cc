using HyperSearch.Core.Searches;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Importance;

/// <summary>The importance report of a stored search: its completed trials' best validation objective.</summary>
public static class SearchImportance
{
    /// <summary>Null when the search does not exist.</summary>
    public static async Task<ImportanceReport?> ComputeAsync(ITrialStore store, long searchId, CancellationToken cancellationToken)
    {
        if (await store.GetSearchAsync(searchId, cancellationToken) is not { } detail)
        {
            return null;
        }
        var (space, _) = SearchSpaceJson.Parse(detail.Spec.SpaceJson);
        if (space is null)
        {
            return new ImportanceReport(0, [], "the search's space no longer parses");
        }
        // Pruned trials stopped early: their value is not comparable with finished ones.
        var query = new TrialQuery { SearchId = searchId, States = [TrialState.Completed] };
        var rows = await store.GetAllTrialsAsync(query, cancellationToken);
        var trials = rows.Where(r => r.BestValue is not null).Select(r => (r.Config, r.BestValue!.Value)).ToList();
        return ImportanceAnalyzer.Analyze(space, trials);
    }
}
