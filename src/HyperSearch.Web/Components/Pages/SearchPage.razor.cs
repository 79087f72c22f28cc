using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// One search: ranked trials (server-paged), overlaid loss and LR curves of the selection or the
/// top K that grow live, and the analysis charts. Selection, filters, K and log scale live in the URL.
/// </summary>
public partial class SearchPage : IDisposable
{
    public const int PageSize = 25;
    private static readonly string[] AllStates = Enum.GetNames<TrialState>();

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [Parameter] public long SearchId { get; set; }
    [SupplyParameterFromQuery(Name = "sel")] public string? Sel { get; set; }
    [SupplyParameterFromQuery(Name = "states")] public string? States { get; set; }
    [SupplyParameterFromQuery(Name = "decay")] public string? Decay { get; set; }
    // Strings, parsed leniently: a hand-edited link with k=abc must not break the page.
    [SupplyParameterFromQuery(Name = "k")] public string? K { get; set; }
    [SupplyParameterFromQuery(Name = "log")] public string? Log { get; set; }

    private SearchDetail? detail;
    private bool loaded;
    private RadzenDataGrid<TrialRow>? grid;
    private List<TrialRow>? trials;
    private int total;
    private bool loading;
    private int skip;
    private TrialSort sort = TrialSort.Rank;
    private bool descending;
    private LineChartSpec? lossChart;
    private LineChartSpec? lrChart;
    private LineChart? lossView;
    private LineChart? lrView;
    private SearchAnalysis? analysis;
    private HashSet<long> shown = [];
    private string? filterKey;
    private string? chartKey;
    private IDisposable? subscription;
    private DiagnosisCache? diagnoses;

    private int TopK => Math.Clamp(int.TryParse(K, out var k) ? k : 10, 1, 50);
    private bool LogY => string.Equals(Log, "true", StringComparison.OrdinalIgnoreCase);
    private IReadOnlyList<long> Selected => ParseIds(Sel);
    private IEnumerable<string> StateFilter => Split(States);
    private IEnumerable<string> DecayFilter => Split(Decay);
    private string CurveCaption => Selected.Count > 0 ? $"{shown.Count} selected trials" : $"top {TopK} by validation metric";

    protected override async Task OnParametersSetAsync()
    {
        if (detail?.Summary.Id != SearchId)
        {
            detail = await Store.GetSearchAsync(SearchId);
            loaded = true;
            subscription ??= Live.Subscribe($"search {SearchId} page", OnUpdateAsync, TimeSpan.FromMilliseconds(500));
        }

        if (detail is null) return;
        var newFilterKey = $"{States}|{Decay}";
        if (filterKey is null)
        {
            // The first page is loaded here so the very first (prerendered) paint already has rows;
            // the grid asks LoadTrialsAsync for every later page, sort and reload.
            var first = await Store.GetTrialsAsync(Query() with { Skip = 0, Take = PageSize });
            (trials, total) = ([.. first.Items], first.Total);
            diagnoses ??= new DiagnosisCache(Store);
            await diagnoses.FillAsync(trials);
        }
        else if (filterKey != newFilterKey && grid is not null)
        {
            await grid.FirstPage(forceReload: true);
        }

        filterKey = newFilterKey;

        var newChartKey = $"{Sel}|{States}|{Decay}|{TopK}|{Log}";
        if (newChartKey != chartKey)
        {
            chartKey = newChartKey;
            await LoadChartsAsync();
        }
    }

    private TrialQuery Query() => new()
    {
        SearchId = SearchId,
        States = StateFilter.Select(ParseState).OfType<TrialState>().ToList() is { Count: > 0 } states ? states : null,
        DecayTypes = DecayFilter.ToList() is { Count: > 0 } decays ? decays : null,
        Sort = sort,
        Descending = descending,
    };

    private async Task LoadTrialsAsync(LoadDataArgs args)
    {
        loading = true;
        var order = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        (sort, descending) = order is null ? (TrialSort.Rank, false) : (SortOf(order.Property), order.SortOrder == SortOrder.Descending);
        skip = args.Skip ?? 0;
        var page = await Store.GetTrialsAsync(Query() with { Skip = skip, Take = args.Top ?? PageSize });
        trials = [.. page.Items];
        total = page.Total;
        diagnoses ??= new DiagnosisCache(Store);
        await diagnoses.FillAsync(trials);
        loading = false;
    }

    private static TrialState? ParseState(string text) => Enum.TryParse<TrialState>(text, true, out var state) ? state : null;

    private static TrialSort SortOf(string property) => property switch
    {
        nameof(TrialRow.Number) => TrialSort.Number,
        nameof(TrialRow.InitialLr) => TrialSort.InitialLr,
        nameof(TrialRow.DecayType) => TrialSort.DecayType,
        nameof(TrialRow.State) => TrialSort.State,
        nameof(TrialRow.EpochsDone) => TrialSort.EpochsDone,
        nameof(TrialRow.FinalValue) => TrialSort.FinalValue,
        _ => TrialSort.Rank,
    };

    private string RankOf(TrialRow trial) =>
        sort == TrialSort.Rank && !descending && trial.BestValue is not null ? (skip + trials!.IndexOf(trial) + 1).ToString() : "–";

    /// <summary>The curves show the selected trials, or the K best under the current filters.</summary>
    private async Task LoadChartsAsync()
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
            rows = [.. (await Store.GetTrialsAsync(Query() with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = TopK })).Items];
        }

        var labelled = rows.Select((t, i) => ($"#{t.Number}", t.Id, Palette.Colour(i))).ToList();
        var epochs = await Store.GetEpochsAsync([.. rows.Select(r => r.Id)], TrialCurves.PointsPerTrial(rows.Count));
        shown = [.. rows.Select(r => r.Id)];
        lossChart = new LineChartSpec(TrialCurves.Losses(labelled, epochs)) { XName = "epoch", YName = "loss", LogY = LogY };
        lrChart = new LineChartSpec(TrialCurves.LearningRates(labelled, epochs)) { XName = "epoch", YName = "learning rate", LogY = true };
    }

    private Task OnUpdateAsync(LiveUpdate update) => InvokeAsync(async () =>
    {
        var changes = update.Changes;
        if (update.Gap)
        {
            // Changes were dropped while this page was busy: redraw from the store.
            detail = await update.Snapshot.GetSearchAsync(SearchId) ?? detail;
            chartKey = null;
            if (grid is not null) await grid.Reload();
            await LoadChartsAsync();
            StateHasChanged();
            return;
        }

        var mine = changes.Trials.Where(t => t.SearchId == SearchId).ToList();
        var search = changes.Searches.FirstOrDefault(s => s.Id == SearchId);
        var epochs = changes.Epochs.Where(e => shown.Contains(e.TrialId)).ToList();
        if (mine.Count == 0 && search is null && epochs.Count == 0) return;

        if (search is not null && detail is not null) detail = detail with { Summary = search };
        if (epochs.Count > 0)
        {
            // Live growth: append the new epochs; the rest of the picture stays as drawn.
            if (lossView is not null) await lossView.AppendAsync(TrialCurves.LossAdditions(epochs, shown));
            if (lrView is not null) await lrView.AppendAsync(TrialCurves.LrAdditions(epochs, shown));
        }

        if (mine.Count > 0)
        {
            if (grid is not null) await grid.Reload();
            // New trials start and values change: the curves follow the current top K.
            if (Selected.Count == 0) await ReplaceTopKIfChangedAsync(update.Snapshot);

            if (analysis is not null) await analysis.RefreshAsync(throttled: true);
        }

        StateHasChanged();
    });

    /// <summary>A trial may enter the top K: redraw only when the set of curves changes (otherwise epochs are appended).</summary>
    private async Task ReplaceTopKIfChangedAsync(LiveSnapshot? snapshot)
    {
        var top = (await (snapshot?.GetTrialsAsync(Query() with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = TopK }) ?? Store.GetTrialsAsync(Query() with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = TopK }))).Items;
        if (!top.Select(t => t.Id).ToHashSet().SetEquals(shown)) await LoadChartsAsync();
    }

    private void RowRender(RowRenderEventArgs<TrialRow> args)
    {
        if (Selected.Contains(args.Data.Id)) args.Attributes["class"] = "hs-row-selected";
    }

    private void Toggle(long id)
    {
        var selection = Selected.ToList();
        if (!selection.Remove(id)) selection.Add(id);
        SetSelection(selection);
    }

    private void SetSelection(IReadOnlyList<long> ids) => Navigate(("sel", ids.Count == 0 ? null : string.Join(',', ids)));

    private void OpenCompare() => Navigation.NavigateTo($"compare?trials={string.Join(',', Selected)}");

    private async Task CommandAsync(Func<long, CancellationToken, Task<bool>> command)
    {
        await command(SearchId, CancellationToken.None);
        detail = await Store.GetSearchAsync(SearchId);
        if (grid is not null) await grid.Reload();
    }

    private void Navigate(params (string Name, string? Value)[] changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes.ToDictionary(c => c.Name, c => (object?)c.Value)), replace: true);

    private static string? Join(object? values) =>
        values is IEnumerable<string> list && list.Any() ? string.Join(',', list) : null;

    private static IEnumerable<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<long> ParseIds(string? text) =>
        [.. Split(text).Select(part => long.TryParse(part, out var id) ? id : -1).Where(id => id > 0).Distinct()];

    public void Dispose() => subscription?.Dispose();
}
