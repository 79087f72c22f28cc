using Microsoft.JSInterop;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Search;
using HyperSearch.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// 2–N trials from any searches (config diff with differing rows highlighted, overlaid curves and LR
/// curves, one colour per trial) and several searches' best-so-far. The URL lists them: ?trials=1,2&amp;searches=3.
/// </summary>
public partial class Compare
{
    public const int MaxTrials = 20;

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required HyperSearch.Web.Accounts.SearchVisibility Visibility { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Microsoft.JSInterop.IJSRuntime JS { get; init; }
    [Inject] public required MudBlazor.ISnackbar Snackbar { get; init; }

    [SupplyParameterFromQuery(Name = "trials")] public string? Trials { get; set; }
    [SupplyParameterFromQuery(Name = "searches")] public string? Searches { get; set; }
    [SupplyParameterFromQuery(Name = "log")] public string? Log { get; set; }

    private bool LogY => string.Equals(Log, "true", StringComparison.OrdinalIgnoreCase);

    private List<TrialRow> rows = [];
    private List<SearchSummary> searches = [];
    private List<SearchSummary> allSearches = [];
    private readonly Dictionary<long, string> searchNames = [];
    private List<DiffLine> diff = [];
    private LineChartSpec lossChart = new([]);
    private LineChartSpec lrChart = new([]);
    private LineChartSpec bestChart = new([]);
    private long? searchToUse;
    private int? trialNumber;
    private string? addError;
    private List<string> missing = [];

    protected override async Task OnParametersSetAsync()
    {
        allSearches = [.. await Store.ListSearchesAsync(0, 500, await Visibility.TeamsAsync())];
        foreach (var s in allSearches) searchNames[s.Id] = s.Name;

        rows = [];
        missing = [];
        // Each search's visibility once: reading a search counts its trials (a scan of its index entries,
        // about a second per trial of a million-trial search on the loaded build machine), and the trials
        // compared are mostly of one search (docs/benchmarks.md, "Dashboard at a million trials").
        var visible = new Dictionary<long, bool>();
        // Ids that do not exist are named, not silently dropped (a stale or mistyped link).
        foreach (var id in SearchPage.ParseIds(Trials).Take(MaxTrials))
        {
            // Read isolation: a trial of another team's search is reported like one that does not exist.
            if (await Store.GetTrialAsync(id) is { } row
                && (visible.TryGetValue(row.SearchId, out var seen) ? seen : visible[row.SearchId] = await Visibility.SearchAsync(row.SearchId) is not null))
                rows.Add(row);
            else missing.Add($"no trial with id {id}");
        }

        diff = DiffLine.Build(rows, SearchName);
        var labelled = rows.Select((t, i) => ($"#{t.Number} {SearchName(t.SearchId)}", t.Id, ChartColours.Colour(i))).ToList();
        var epochs = await Store.GetEpochsAsync([.. rows.Select(r => r.Id)], TrialCurves.PointsPerTrial(rows.Count));
        lossChart = new LineChartSpec(TrialCurves.Losses(labelled, epochs)) { XName = "epoch", WholeX = true, YName = "loss", LogY = LogY };
        lrChart = new LineChartSpec(TrialCurves.LearningRates(labelled, epochs)) { XName = "epoch", WholeX = true, YName = "learning rate", LogY = true };

        searches = [];
        var best = new List<ChartSeries>();
        foreach (var id in SearchPage.ParseIds(Searches).Take(MaxTrials))
        {
            if (await Visibility.SearchAsync(id) is not { } detail)
            {
                missing.Add($"no search with id {id}");
                continue;
            }

            var colour = ChartColours.Colour(searches.Count);
            searches.Add(detail.Summary);
            var trials = await Store.GetTrialPointsAsync(new TrialQuery { SearchId = id });
            best.Add(new ChartSeries($"s{id}", $"{detail.Summary.Name} ({Labels.Strategy(detail.Summary.Strategy)})",
                SearchAnalysis.BestSoFar(trials, detail.Summary.Direction == ObjectiveDirection.Maximize)) { Color = colour, Step = true });
        }

        bestChart = new LineChartSpec(best) { XName = "trial number", WholeX = true, YName = "best so far" };
    }

    /// <summary>
    /// This view as a link: only the parameters that make it (trials, searches, log), in a fixed order,
    /// so the same view always has the same link.
    /// </summary>
    private string ShareUrl
    {
        get
        {
            var parts = new List<string>();
            if (rows.Count > 0) parts.Add("trials=" + string.Join(',', rows.Select(r => r.Id)));
            if (searches.Count > 0) parts.Add("searches=" + string.Join(',', searches.Select(s => s.Id)));
            if (LogY) parts.Add("log=true");
            return Navigation.ToAbsoluteUri("compare?" + string.Join('&', parts)).ToString();
        }
    }

    private async Task CopyLinkAsync()
    {
        var copied = false;
        try
        {
            var module = await JS.InvokeAsync<Microsoft.JSInterop.IJSObjectReference>("import", TimeSpan.FromSeconds(5), HyperSearch.Web.Components.Layout.MainLayout.BrowserModule);
            copied = await module.InvokeAsync<bool>("copyText", TimeSpan.FromSeconds(5), ShareUrl);
        }
        catch (Exception e) when (e is Microsoft.JSInterop.JSException or Microsoft.JSInterop.JSDisconnectedException or OperationCanceledException)
        {
            // Said below: the link is in the box to copy by hand.
        }

        Snackbar.Add(copied ? "Link copied: it opens this comparison." : "Copy the link from the box: this browser did not allow copying.",
            copied ? MudBlazor.Severity.Success : MudBlazor.Severity.Info);
    }

    private string SearchName(long searchId) => searchNames.TryGetValue(searchId, out var name) ? name : $"search {searchId}";

    /// <summary>Names repeat (clones): the picker also says strategy, start date and id.</summary>
    private string SearchLabel(long? searchId) =>
        allSearches.FirstOrDefault(s => s.Id == searchId) is { } s
            ? $"{s.Name} · {Labels.Strategy(s.Strategy)} · {s.CreatedAt.UtcDateTime:yyyy-MM-dd} · #{s.Id}"
            : "";

    /// <summary>The UI speaks of trial numbers (#3 of a search); the URL keeps trial ids.</summary>
    private async Task AddTrialAsync()
    {
        addError = null;
        if (searchToUse is not { } searchId || trialNumber is not { } number) return;
        if (await TrialNumbers.FindAsync(Store, searchId, number) is not { } trial)
        {
            addError = $"{SearchName(searchId)} has no trial #{number}";
            return;
        }

        Navigate("trials", string.Join(',', SearchPage.ParseIds(Trials).Append(trial.Id).Distinct()));
        trialNumber = null;
    }

    private void AddSearch()
    {
        if (searchToUse is { } id) Navigate("searches", string.Join(',', SearchPage.ParseIds(Searches).Append(id).Distinct()));
    }

    private void RemoveTrial(long id) => Navigate("trials", Join(SearchPage.ParseIds(Trials).Where(t => t != id)));

    private void RemoveSearch(long id) => Navigate("searches", Join(SearchPage.ParseIds(Searches).Where(s => s != id)));

    private static string? Join(IEnumerable<long> ids) => ids.Any() ? string.Join(',', ids) : null;

    private void Navigate(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, value), replace: true);
}
