using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>Folds change sets into one (later trial/search rows replace earlier ones; epochs accumulate).</summary>
internal static class ChangeSetMerger
{
    public static ChangeSet Empty(ChangeCursor cursor) => new([], [], [], cursor, false);

    public static ChangeSet Merge(ChangeSet earlier, ChangeSet later)
    {
        if (IsEmpty(earlier)) return later;
        if (IsEmpty(later)) return earlier with { Next = later.Next };
        var trials = earlier.Trials.ToDictionary(t => t.Id);
        foreach (var trial in later.Trials) trials[trial.Id] = trial;
        var searches = earlier.Searches.ToDictionary(s => s.Id);
        foreach (var search in later.Searches) searches[search.Id] = search;
        return new ChangeSet([.. earlier.Epochs, .. later.Epochs], [.. trials.Values], [.. searches.Values], later.Next,
            earlier.Truncated || later.Truncated);
    }

    public static bool IsEmpty(ChangeSet changes) => changes.Epochs.Count + changes.Trials.Count + changes.Searches.Count == 0;
}
