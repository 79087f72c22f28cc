using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Search;

/// <summary>Finds a trial by the number people see (#3 of a search), not its database id.</summary>
public static class TrialNumbers
{
    public static async Task<TrialRow?> FindAsync(ITrialStore store, long searchId, int number)
    {
        if (number < 1 || await store.GetSearchAsync(searchId) is null) return null;
        // Numbers run 1, 2, 3, … in a search, so sorted by number #n sits at n − 1; look a little
        // around it in case a number was skipped.
        var start = Math.Max(0, number - 3);
        var page = await store.GetTrialsAsync(new TrialQuery { SearchId = searchId, Sort = TrialSort.Number, Skip = start, Take = 5 });
        return page.Items.FirstOrDefault(t => t.Number == number);
    }
}
