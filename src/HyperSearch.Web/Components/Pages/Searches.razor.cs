using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// Every search with progress and best value. The grid asks the server for each page (sorted and
/// filtered there, from the list read once and kept current by the live feed); filters live in the URL.
/// </summary>
public partial class Searches : IDisposable
{
    /// <summary>Searches the page keeps (newest first); the target is 1,000 searches in under a second.</summary>
    public const int Limit = 5000;
    private static readonly string[] StateChoices = ["all", .. Enum.GetNames<SearchState>()];

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required MetricNames Metrics { get; init; }
    [Inject] public required SearchCommands Commands { get; init; }

    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? State { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string? Team { get; set; }
    [SupplyParameterFromQuery(Name = "user")] public string? User { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? Tag { get; set; }

    private Actor actor = CircuitActor.Nobody;

    private MudDataGrid<SearchSummary>? grid;
    private List<SearchSummary> rows = [];
    private int shownCount;
    private string? filterKey;
    private IDisposable? subscription;

    protected override async Task OnInitializedAsync()
    {
        actor = await Commands.ActorAsync();
        rows = [.. await Store.ListSearchesAsync(0, Limit, SearchPermissions.ReadableTeams(actor))];
        shownCount = rows.Count(Matches);
        subscription = Live.Subscribe("searches page", OnUpdateAsync, TimeSpan.FromSeconds(1));
    }

    protected override async Task OnParametersSetAsync()
    {
        var key = $"{Q}|{State}|{Team}|{User}|{Tag}";
        if (filterKey is not null && key != filterKey && grid is not null) await grid.ReloadServerData();
        filterKey = key;
    }

    private Task<GridData<SearchSummary>> LoadPageAsync(GridState<SearchSummary> state, CancellationToken cancellationToken)
    {
        var matching = MineFirst(rows.Where(Matches));
        var sort = state.SortDefinitions.FirstOrDefault();
        if (sort is not null) matching = Sort(matching, sort.SortBy, sort.Descending);
        var list = matching.ToList();
        if (shownCount != list.Count)
        {
            shownCount = list.Count;
            StateHasChanged(); // the count above the grid
        }

        return Task.FromResult(new GridData<SearchSummary>
        {
            Items = list.Skip(state.Page * state.PageSize).Take(state.PageSize).ToList(),
            TotalItems = list.Count,
        });
    }

    private static IEnumerable<SearchSummary> Sort(IEnumerable<SearchSummary> rows, string column, bool descending)
    {
        Func<SearchSummary, object?> key = column switch
        {
            nameof(SearchSummary.Name) => s => s.Name,
            nameof(SearchSummary.State) => s => s.State,
            nameof(SearchSummary.Strategy) => s => s.Strategy,
            nameof(SearchSummary.BestValue) => s => s.BestValue,
            nameof(SearchSummary.CreatedAt) => s => s.CreatedAt,
            _ => s => s.Id,
        };
        return descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
    }

    private List<SearchSummary> FirstPage => [.. MineFirst(rows.Where(Matches)).Take(25)];

    /// <summary>My teams' searches first (newest first within each group); a sort chosen in the grid overrides it.</summary>
    private IEnumerable<SearchSummary> MineFirst(IEnumerable<SearchSummary> searches) =>
        searches.OrderBy(s => actor.RoleIn(s.TeamId) is null ? 1 : 0).ThenByDescending(s => s.Id);

    private IEnumerable<string> TeamChoices => rows.Select(r => r.TeamName).Distinct().Order();

    private IEnumerable<string> UserChoices => rows.Select(r => r.Owner).Distinct().Order();

    private bool CanManage(SearchSummary s) => SearchCommands.Manage(actor, s);

    /// <summary>New search and Clone: only for who may launch in some team (a viewer may not).</summary>
    private bool CanLaunch => SearchPermissions.CanLaunchSomewhere(actor);

    private bool Matches(SearchSummary s) =>
        (string.IsNullOrWhiteSpace(Team) || s.TeamName == Team)
        && (string.IsNullOrWhiteSpace(Tag) || s.Tags.Contains(Tag.Trim().ToLowerInvariant()))
        && (string.IsNullOrWhiteSpace(User) || s.Owner == User)
        && (string.IsNullOrWhiteSpace(State) || State == "all" || string.Equals(s.State.ToString(), State, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(Q)
            || s.Name.Contains(Q, StringComparison.OrdinalIgnoreCase)
            || s.Owner.Contains(Q, StringComparison.OrdinalIgnoreCase)
            || s.Workload.Contains(Q, StringComparison.OrdinalIgnoreCase));

    private void SetFilter(string? q, string? state) => SetFilter(q, state, Team, User);

    private void SetFilter(string? q, string? state, string? team, string? user) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(q) ? null : q,
            ["state"] = state is null or "all" ? null : state,
            ["team"] = string.IsNullOrEmpty(team) ? null : team,
            ["user"] = string.IsNullOrEmpty(user) ? null : user,
        }), replace: true);

    /// <summary>The tags of the listed searches, for the tag filter.</summary>
    private IEnumerable<string> TagChoices => rows.SelectMany(r => r.Tags).Append(Tag ?? "").Where(t => t.Length > 0).Distinct().Order();

    private void SetTag(string? tag) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tag", string.IsNullOrEmpty(tag) ? null : tag), replace: true);

    private Task OnUpdateAsync(LiveUpdate update) => update.Changes.Searches.Count == 0 && !update.Gap ? Task.CompletedTask : InvokeAsync(async () =>
    {
        if (update.Gap) rows = [.. await Store.ListSearchesAsync(0, Limit, SearchPermissions.ReadableTeams(actor))];
        foreach (var search in update.Changes.Searches) Upsert(search);
        if (grid is not null) await grid.ReloadServerData();
        StateHasChanged();
    });

    private void Upsert(SearchSummary search)
    {
        if (!SearchPermissions.CanRead(actor, search.TeamId)) return; // read isolation: the feed carries every team's changes
        var index = rows.FindIndex(r => r.Id == search.Id);
        if (index >= 0) rows[index] = search;
        else rows.Insert(0, search);
    }

    private async Task RunAsync(SearchSummary search, Func<long, string, Task<bool>> command)
    {
        if (!await command(search.Id, search.Name)) return;
        if (await Store.GetSearchAsync(search.Id) is { } detail) Upsert(detail.Summary);
        if (grid is not null) await grid.ReloadServerData();
    }

    public void Dispose() => subscription?.Dispose();
}
