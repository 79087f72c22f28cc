using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Pages;

/// <summary>Every search with progress and best value; rows update live; filters live in the URL.</summary>
public partial class Searches
{
    private static readonly string[] StateChoices = ["all", .. Enum.GetNames<SearchState>()];

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? State { get; set; }

    private List<SearchSummary> rows = [];
    private string? loadError;
    private IDisposable? subscription;

    private List<SearchSummary> Shown => [.. rows.Where(Matches)];

    protected override async Task OnInitializedAsync()
    {
        rows = [.. await Store.ListSearchesAsync(0, 1000)];
        subscription = Live.Subscribe("searches page", OnUpdateAsync, TimeSpan.FromSeconds(1));
    }

    private bool Matches(SearchSummary s) =>
        (string.IsNullOrWhiteSpace(State) || State == "all" || string.Equals(s.State.ToString(), State, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(Q)
            || s.Name.Contains(Q, StringComparison.OrdinalIgnoreCase)
            || s.Owner.Contains(Q, StringComparison.OrdinalIgnoreCase)
            || s.Workload.Contains(Q, StringComparison.OrdinalIgnoreCase));

    private void SetFilter(string? q, string? state) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(q) ? null : q,
            ["state"] = state is null or "all" ? null : state,
        }), replace: true);

    private Task OnUpdateAsync(LiveUpdate update) => update.Changes.Searches.Count == 0 && !update.Gap ? Task.CompletedTask : InvokeAsync(async () =>
    {
        if (update.Gap) rows = [.. await Store.ListSearchesAsync(0, 1000)];
        foreach (var search in update.Changes.Searches)
        {
            var index = rows.FindIndex(r => r.Id == search.Id);
            if (index >= 0) rows[index] = search;
            else rows.Insert(0, search);
        }

        StateHasChanged();
    });

    private async Task RunAsync(SearchSummary search, Func<long, CancellationToken, Task<bool>> command)
    {
        loadError = await command(search.Id, CancellationToken.None) ? null : $"Search {search.Id} is already finished.";
        if (await Store.GetSearchAsync(search.Id) is { } detail)
        {
            var index = rows.FindIndex(r => r.Id == search.Id);
            if (index >= 0) rows[index] = detail.Summary;
        }
    }

    public void Dispose() => subscription?.Dispose();
}
