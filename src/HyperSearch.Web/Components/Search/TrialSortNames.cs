using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Search;

/// <summary>The trials table's sort as it reads in the URL (sort=lr&amp;desc=true) and as grid columns name it.</summary>
public static class TrialSortNames
{
    private static readonly (TrialSort Sort, string Name, string Column)[] All =
    [
        (TrialSort.Rank, "rank", nameof(TrialRow.BestValue)),
        (TrialSort.Number, "number", nameof(TrialRow.Number)),
        (TrialSort.InitialLr, "lr", nameof(TrialRow.InitialLr)),
        (TrialSort.DecayType, "decay", nameof(TrialRow.DecayType)),
        (TrialSort.State, "state", nameof(TrialRow.State)),
        (TrialSort.EpochsDone, "epochs", nameof(TrialRow.EpochsDone)),
        (TrialSort.FinalValue, "final", nameof(TrialRow.FinalValue)),
    ];

    /// <summary>Unknown or missing names fall back to the ranking.</summary>
    public static TrialSort Parse(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found.Sort : TrialSort.Rank;

    public static string Name(TrialSort sort) => All.First(s => s.Sort == sort).Name;

    public static string? Column(TrialSort sort) => All.FirstOrDefault(s => s.Sort == sort).Column;

    public static TrialSort FromColumn(string column) =>
        All.FirstOrDefault(s => s.Column == column) is { Column: not null } found ? found.Sort : TrialSort.Rank;
}
