using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Search;

/// <summary>
/// The trials table's sort as it reads in the URL (sort=initialLr&amp;desc=true) and as grid columns
/// name it. The URL uses the REST API's names (<c>/api/searches/{id}/trials?sort=initialLr</c>), so a
/// page address and an API call read alike; the page's older short names (lr, decay, epochs, final)
/// still open the same view from links shared before.
/// </summary>
public static class TrialSortNames
{
    private static readonly (TrialSort Sort, string? OldName, string Column)[] All =
    [
        (TrialSort.Rank, null, nameof(TrialRow.BestValue)),
        (TrialSort.Number, null, nameof(TrialRow.Number)),
        (TrialSort.InitialLr, "lr", nameof(TrialRow.InitialLr)),
        (TrialSort.DecayType, "decay", nameof(TrialRow.DecayType)),
        (TrialSort.State, null, nameof(TrialRow.State)),
        (TrialSort.EpochsDone, "epochs", nameof(TrialRow.EpochsDone)),
        (TrialSort.FinalValue, "final", nameof(TrialRow.FinalValue)),
    ];

    /// <summary>The API's name (camelCase): rank, number, initialLr, decayType, state, epochsDone, finalValue.</summary>
    public static string Name(TrialSort sort) => char.ToLowerInvariant(sort.ToString()[0]) + sort.ToString()[1..];

    /// <summary>Unknown or missing names fall back to the ranking.</summary>
    public static TrialSort Parse(string? name) =>
        All.FirstOrDefault(s => string.Equals(Name(s.Sort), name, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(s.OldName, name, StringComparison.OrdinalIgnoreCase)) is { Column: not null } found
            ? found.Sort
            : TrialSort.Rank;

    public static string? Column(TrialSort sort) => All.FirstOrDefault(s => s.Sort == sort).Column;

    public static TrialSort FromColumn(string column) =>
        All.FirstOrDefault(s => s.Column == column) is { Column: not null } found ? found.Sort : TrialSort.Rank;
}
