using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Hosting;

internal static class RankedTrials
{
    /// <summary>All trials of a search, best first (page by page).</summary>
    public static async Task<IReadOnlyList<TrialRow>> AllAsync(ITrialStore store, long searchId, CancellationToken cancellationToken)
    {
        const int PageSize = 1000;
        var all = new List<TrialRow>();
        while (true)
        {
            var page = await store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Skip = all.Count, Take = PageSize }, cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count < PageSize || all.Count >= page.Total) return all;
        }
    }
}
