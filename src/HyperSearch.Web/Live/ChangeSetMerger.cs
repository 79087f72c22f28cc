using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>Folds several change sets into one (later trial/search rows replace earlier ones).</summary>
internal static class ChangeSetMerger
{
    public static ChangeSet Merge(IReadOnlyList<ChangeSet> batches)
    {
        if (batches.Count == 1) return batches[0];
        var epochs = new List<EpochPoint>();
        var trials = new Dictionary<long, TrialRow>();
        var searches = new Dictionary<long, SearchSummary>();
        foreach (var batch in batches)
        {
            epochs.AddRange(batch.Epochs);
            foreach (var trial in batch.Trials) trials[trial.Id] = trial;
            foreach (var search in batch.Searches) searches[search.Id] = search;
        }

        return new ChangeSet(epochs, [.. trials.Values], [.. searches.Values], batches[^1].Next, batches.Any(b => b.Truncated));
    }
}
