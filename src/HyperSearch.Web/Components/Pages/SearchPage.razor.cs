using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// One search: ranked trials (paged, sorted and filtered by the store), overlaid loss and LR curves
/// of the selection or the top K that grow live, and the analysis charts. Selection, filters, sort,
/// K and log scale live in the URL.
/// </summary>
public partial class SearchPage : IDisposable
{
    public const int PageSize = 25;
    private static readonly string[] AllStates = Enum.GetNames<TrialState>();

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required SearchCommands Commands { get; init; }
    [Inject] public required MetricNames Metrics { get; init; }

    [Parameter] public long SearchId { get; set; }
    [SupplyParameterFromQuery(Name = "sel")] public string? Sel { get; set; }
    [SupplyParameterFromQuery(Name = "states")] public string? States { get; set; }
    [SupplyParameterFromQuery(Name = "decay")] public string? Decay { get; set; }
    // Strings, parsed leniently: a hand-edited link with k=abc must not break the page.
    [SupplyParameterFromQuery(Name = "k")] public string? K { get; set; }
    [SupplyParameterFromQuery(Name = "log")] public string? Log { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParam { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public string? Desc { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? Tag { get; set; }

    private SearchDetail? detail;
    private bool loaded;
    private MudDataGrid<TrialRow>? grid;
    private List<TrialRow> trials = [];
    private int total;
    private int skip;
    private Dictionary<long, int>? ranks;
    private LineChartSpec? lossChart;
    private LineChartSpec? lrChart;
    private LineChart? lossView;
    private LineChart? lrView;
    private SearchAnalysis? analysis;
    // The analysis charts load once the loss curves are drawn: the curves are what a viewer looks at first.
    private readonly TaskCompletionSource curvesDrawn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<long> shown = [];
    private string? filterKey;
    private string? chartKey;
    private IDisposable? subscription;
    private CurveFactsCache? curveFacts;
    private LiveSnapshot? tick;
    // The table's sort has one owner, this page: set from the URL when the URL changes (a link, a
    // navigation) and from the grid when its header is clicked, then written back to the URL. The
    // grid's own sort state used to win over the URL once set, so a sort from one URL outlived it.
    private (TrialSort Sort, bool Descending) sort;
    private (string? Sort, string? Desc)? urlSort;
    private (string Column, bool Descending)? gridSortSeen;
    private bool headerShowsSort;
    private Actor actor = CircuitActor.Nobody;

    private int TopK => Math.Clamp(int.TryParse(K, out var k) ? k : 10, 1, 50);
    private bool LogY => string.Equals(Log, "true", StringComparison.OrdinalIgnoreCase);
    private IReadOnlyList<long> Selected => ParseIds(Sel);
    private IEnumerable<string> StateFilter => Split(States).Where(s => ParseState(s) is not null);
    private IEnumerable<string> DecayFilter => Split(Decay);
    /// <summary>"accuracy", or "R²" for a regression workload (both recorded as the validation accuracy).</summary>
    private string MetricName => Metrics.Metric(detail?.Summary.Workload ?? "");
    private TrialSort Sort => sort.Sort;
    private bool Descending => sort.Descending;
    private string CurveCaption => Selected.Count > 0 ? $"{shown.Count} selected trials" : $"top {TopK} by validation metric";
    private bool CanManage => detail is not null && SearchCommands.Manage(actor, detail.Summary);
    private bool CanSetPriority => detail is not null && SearchPermissions.CanSetPriority(actor, detail.Summary.TeamId);
    private bool CanClone => SearchPermissions.CanLaunchSomewhere(actor);
    private bool CanAnnotate => detail is not null && SearchCommands.Annotate(actor, detail.Summary);

    private string TagFilterHref(string tag) => Navigation.GetUriWithQueryParameter("tag", tag);

    private async Task<bool> SaveAnnotationAsync(Annotation annotation)
    {
        if (!await Commands.AnnotateSearchAsync(SearchId, detail?.Summary.Name ?? $"search {SearchId}", annotation)) return false;
        detail = await Store.GetSearchAsync(SearchId) ?? detail;
        StateHasChanged(); // the panel's own event: this page renders the saved tags only when told
        return true;
    }
    private TrialQuery AnalysisFilter => Query() with { Sort = TrialSort.Rank, Descending = false };

    protected override async Task OnParametersSetAsync()
    {
        if (detail?.Summary.Id != SearchId)
        {
            actor = await Commands.ActorAsync();
            // Read isolation: another team's search reads as no such search.
            detail = await Store.GetSearchAsync(SearchId) is { } found && SearchPermissions.CanRead(actor, found.Summary.TeamId) ? found : null;
            loaded = true;
            subscription ??= Live.Subscribe($"search {SearchId} page", OnUpdateAsync, TimeSpan.FromMilliseconds(500));
        }

        var sortChanged = ReadSortFromUrl();
        if (sortChanged) headerShowsSort = false;
        if (detail is null) return;
        curveFacts ??= new CurveFactsCache(Store, () => detail?.Summary is { Objective: ObjectiveMetric.ValLoss } s ? s.BestValue : null);
        if (!RendererInfo.IsInteractive && trials.Count == 0)
        {
            var first = await Store.GetTrialsAsync(Query() with { Skip = 0, Take = PageSize });
            (trials, total) = ([.. first.Items], first.Total);
            await curveFacts.FillAsync(trials);
            ranks = Sort == TrialSort.Rank && !Descending ? null : await RanksAsync(trials);
        }

        var newFilterKey = $"{States}|{Decay}|{Tag}";
        if (((filterKey is not null && filterKey != newFilterKey) || sortChanged) && grid is not null) await grid.ReloadServerData();
        filterKey = newFilterKey;

        var newChartKey = $"{Sel}|{States}|{Decay}|{Tag}|{TopK}|{Log}";
        if (newChartKey != chartKey)
        {
            chartKey = newChartKey;
            await LoadChartsAsync(null);
        }
    }

    private TrialQuery Query() => new()
    {
        SearchId = SearchId,
        States = StateFilter.Select(ParseState).OfType<TrialState>().ToList() is { Count: > 0 } states ? states : null,
        DecayTypes = DecayFilter.ToList() is { Count: > 0 } decays ? decays : null,
        Tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().ToLowerInvariant(),
        Sort = Sort,
        Descending = Descending,
    };

    /// <summary>The grid's page: sorted by the URL's sort (the grid's header clicks put it there), filtered, paged by the store.</summary>
    private async Task<GridData<TrialRow>> LoadTrialsAsync(GridState<TrialRow> state, CancellationToken cancellationToken)
    {
        AdoptGridSort(state.SortDefinitions.FirstOrDefault());
        skip = state.Page * state.PageSize;
        var query = Query() with { Skip = skip, Take = state.PageSize };
        var page = await (tick?.GetTrialsAsync(query) ?? Store.GetTrialsAsync(query, cancellationToken));
        trials = [.. page.Items];
        total = page.Total;
        await curveFacts!.FillAsync(trials);
        ranks = Sort == TrialSort.Rank && !Descending ? null : await RanksAsync(trials);
        StateHasChanged(); // the count above the grid
        return new GridData<TrialRow> { Items = trials, TotalItems = total };
    }

    /// <summary>
    /// A trial's rank does not change with the table's sort: for any other order, each shown row's
    /// position in the ranking (under the same filters) is looked up.
    /// </summary>
    private async Task<Dictionary<long, int>> RanksAsync(IReadOnlyList<TrialRow> rows)
    {
        var valued = rows.Where(r => r.BestValue is not null).Select(r => r.Id).ToHashSet();
        if (valued.Count == 0) return [];
        var ranked = Query() with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = total };
        var all = (await (tick?.GetTrialsAsync(ranked) ?? Store.GetTrialsAsync(ranked))).Items;
        return all.Select((row, index) => (row.Id, Rank: index + 1)).Where(p => valued.Contains(p.Id)).ToDictionary(p => p.Id, p => p.Rank);
    }

    /// <returns>Whether the URL's sort differs from the one read before (the page then follows it).</returns>
    private bool ReadSortFromUrl()
    {
        if (urlSort == (SortParam, Desc)) return false;
        var first = urlSort is null;
        urlSort = (SortParam, Desc);
        var fromUrl = (TrialSortNames.Parse(SortParam), string.Equals(Desc, "true", StringComparison.OrdinalIgnoreCase));
        if (fromUrl == sort && !first) return false;
        sort = fromUrl;
        return !first;
    }

    /// <summary>A header click changes the grid's sort definition: only a change is taken (the grid keeps its last one).</summary>
    private void AdoptGridSort(SortDefinition<TrialRow>? definition)
    {
        (string, bool)? seen = definition is null ? null : (definition.SortBy, definition.Descending);
        if (seen == gridSortSeen) return;
        gridSortSeen = seen;
        sort = definition is null ? (TrialSort.Rank, false) : (TrialSortNames.FromColumn(definition.SortBy), definition.Descending);
    }

    private void OnSortChanged(Dictionary<string, SortDefinition<TrialRow>> sorts)
    {
        AdoptGridSort(sorts.Values.FirstOrDefault());
        var written = (Sort == TrialSort.Rank ? null : TrialSortNames.Name(Sort), Descending ? "true" : null);
        urlSort = written; // this page's own write: not a new URL to follow
        Navigate(("sort", written.Item1), ("desc", written.Item2));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // A shared link's sort: show it on the header too (the data already follows the URL). The
        // grid appears once the search is loaded, not necessarily on the first render.
        if (grid is not null && !headerShowsSort)
        {
            headerShowsSort = true;
            if ((Sort != TrialSort.Rank || Descending) && TrialSortNames.Column(Sort) is { } column)
            {
                gridSortSeen = (column, Descending);
                await grid.SetSortAsync(column, Descending ? SortDirection.Descending : SortDirection.Ascending, _ => 0, null!);
            }
            else if (grid.SortDefinitions.Count > 0)
            {
                gridSortSeen = null;
                foreach (var field in grid.SortDefinitions.Keys.ToList()) await grid.RemoveSortAsync(field);
            }
        }
    }

    private static TrialState? ParseState(string text) => Enum.TryParse<TrialState>(text, true, out var state) ? state : null;

    private string RankOf(TrialRow trial)
    {
        if (trial.BestValue is null) return "–";
        if (ranks is not null) return ranks.TryGetValue(trial.Id, out var rank) ? rank.ToString() : "–";
        return (skip + trials.IndexOf(trial) + 1).ToString();
    }

    private string ExportUrl(string format)
    {
        var query = new List<string> { $"format={format}" };
        if (Query().States is { } states) query.Add("state=" + Uri.EscapeDataString(string.Join(',', states.Select(s => s.ToString().ToLowerInvariant()))));
        if (Query().DecayTypes is { } decays) query.Add("decay=" + Uri.EscapeDataString(string.Join(',', decays)));
        if (Query().Tag is { } tag) query.Add("tag=" + Uri.EscapeDataString(tag));
        return $"downloads/searches/{SearchId}/export?{string.Join('&', query)}"; // cookie-authenticated (the API takes tokens only)
    }

    /// <summary>The curves show the selected trials, or the K best under the current filters.</summary>
    private async Task LoadChartsAsync(LiveSnapshot? snapshot)
    {
        List<TrialRow> rows;
        if (Selected.Count > 0)
        {
            rows = [];
            foreach (var id in Selected.Take(50))
            {
                if (await Store.GetTrialAsync(id) is { } row) rows.Add(row);
            }
        }
        else
        {
            rows = [.. (await TopAsync(snapshot)).Items];
        }

        var labelled = rows.Select((t, i) => ($"#{t.Number}", t.Id, ChartColours.Colour(i))).ToList();
        var epochs = await Store.GetEpochsAsync([.. rows.Select(r => r.Id)], TrialCurves.PointsPerTrial(rows.Count));
        shown = [.. rows.Select(r => r.Id)];
        lossChart = new LineChartSpec(TrialCurves.Losses(labelled, epochs)) { XName = "epoch", WholeX = true, YName = "loss", LogY = LogY };
        lrChart = new LineChartSpec(TrialCurves.LearningRates(labelled, epochs)) { XName = "epoch", WholeX = true, YName = "learning rate", LogY = true };
    }

    private Task<Page<TrialRow>> TopAsync(LiveSnapshot? snapshot)
    {
        var query = Query() with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = TopK };
        return snapshot?.GetTrialsAsync(query) ?? Store.GetTrialsAsync(query);
    }

    private Task OnUpdateAsync(LiveUpdate update) => InvokeAsync(async () =>
    {
        var changes = update.Changes;
        var mine = changes.Trials.Where(t => t.SearchId == SearchId).ToList();
        var search = changes.Searches.FirstOrDefault(s => s.Id == SearchId);
        var epochs = changes.Epochs.Where(e => shown.Contains(e.TrialId)).ToList();
        if (detail is null || (!update.Gap && mine.Count == 0 && search is null && epochs.Count == 0)) return;

        // Reads below go through the tick's snapshot: every viewer of this search shares them.
        tick = update.Snapshot;
        try
        {
            if (update.Gap)
            {
                // Changes were dropped while this page was busy: redraw from the store.
                detail = await update.Snapshot.GetSearchAsync(SearchId) ?? detail;
                await LoadChartsAsync(update.Snapshot);
                if (grid is not null) await grid.ReloadServerData();
                if (analysis is not null) await analysis.RefreshAsync(throttled: true);
                StateHasChanged();
                return;
            }

            if (search is not null && detail is not null) detail = detail with { Summary = search };
            if (epochs.Count > 0)
            {
                // Live growth: append the new epochs; the rest of the picture stays as drawn.
                if (lossView is not null) await lossView.AppendAsync(TrialCurves.LossAdditions(epochs, shown));
                if (lrView is not null) await lrView.AppendAsync(TrialCurves.LrAdditions(epochs, shown));
            }

            if (mine.Count > 0)
            {
                if (grid is not null) await grid.ReloadServerData();
                // New trials start and values change: the curves follow the current top K.
                if (Selected.Count == 0) await ReplaceTopKIfChangedAsync(update.Snapshot);
                if (analysis is not null) await analysis.RefreshAsync(throttled: true);
            }
        }
        finally
        {
            tick = null;
        }

        StateHasChanged();
    });

    /// <summary>A trial may enter the top K: redraw only when the set of curves changes (otherwise epochs are appended).</summary>
    private async Task ReplaceTopKIfChangedAsync(LiveSnapshot snapshot)
    {
        var top = (await TopAsync(snapshot)).Items;
        if (!top.Select(t => t.Id).ToHashSet().SetEquals(shown)) await LoadChartsAsync(snapshot);
    }

    private void Toggle(long id)
    {
        var selection = Selected.ToList();
        if (!selection.Remove(id)) selection.Add(id);
        SetSelection(selection);
    }

    private void SetSelection(IReadOnlyList<long> ids) => Navigate(("sel", ids.Count == 0 ? null : string.Join(',', ids)));

    private void OpenCompare() => Navigation.NavigateTo($"compare?trials={string.Join(',', Selected)}");

    private async Task CommandAsync(Func<long, string, Task<bool>> command)
    {
        if (!await command(SearchId, detail?.Summary.Name ?? $"search {SearchId}")) return;
        detail = await Store.GetSearchAsync(SearchId);
        if (grid is not null) await grid.ReloadServerData();
    }

    private async Task SetPriorityAsync(int priority)
    {
        if (!await Commands.SetPriorityAsync(SearchId, detail?.Summary.Name ?? $"search {SearchId}", priority)) return;
        detail = await Store.GetSearchAsync(SearchId);
    }

    private void Navigate(params (string Name, string? Value)[] changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes.ToDictionary(c => c.Name, c => (object?)c.Value)), replace: true);

    private static string? Join(IEnumerable<string>? values) =>
        values is not null && values.Any() ? string.Join(',', values) : null;

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<long> ParseIds(string? text) =>
        [.. Split(text).Select(part => long.TryParse(part, out var id) ? id : -1).Where(id => id > 0).Distinct()];

    public void Dispose() => subscription?.Dispose();
}
