using HyperSearch.Core.Importance;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Search;

/// <summary>
/// The whole-search charts: LR-vs-metric scatter, best-so-far, parallel coordinates, parameter
/// importance. Loaded once the page's own curves are drawn (<see cref="After"/>) and refreshed at most
/// every few seconds. Scatter and best-so-far read every trial as a <see cref="TrialPoint"/> (a few
/// numbers each, never epochs or config documents); only the parallel coordinates' top trials are
/// read whole, for their decay parameters. Every viewer of a search shares one build (<see cref="AnalysisCache"/>).
/// </summary>
public partial class SearchAnalysis : IDisposable
{
    public const int ScatterLimit = 2000;
    public const int ParallelLimit = 200;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required ILogger<SearchAnalysis> Logger { get; init; }
    [Inject] public required HyperSearch.Web.Analysis.ImportanceCache Importance { get; init; }
    [Inject] public required HyperSearch.Web.Analysis.AnalysisCache Charts { get; init; }
    [Inject] public required MetricNames Metrics { get; init; }

    [Parameter, EditorRequired] public required SearchSummary Search { get; set; }
    /// <summary>The page's filters: the analysis shows the same trials as the table and the curves.</summary>
    [Parameter] public TrialQuery? Filter { get; set; }
    /// <summary>
    /// The first load waits for this (the page's loss curves drawn): reading every trial competes for
    /// the server's cores with drawing what the viewer looks at first.
    /// </summary>
    [Parameter] public Task? After { get; set; }

    private ScatterChartSpec? scatter;
    private LineChartSpec? bestSoFar;
    private ParallelChartSpec? parallel;
    private string scatterCaption = "";
    private ImportanceReport? importance;
    private DateTimeOffset lastRefresh;
    private bool refreshScheduled;
    private string? filterKey;
    private readonly CancellationTokenSource closed = new();
    private bool waiting;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            waiting = true;
            if (After is not null) await After;
            waiting = false;
        }
        else if (waiting)
        {
            return; // re-rendered while the first load waits for the curves: that load reads the filter then
        }

        var key = FilterKey();
        if (firstRender || key != filterKey)
        {
            filterKey = key;
            try
            {
                await RefreshAsync(throttled: false);
            }
            catch (OperationCanceledException) when (closed.IsCancellationRequested)
            {
                return; // the viewer left; the shared build goes on for the others
            }

            StateHasChanged();
        }
    }

    private string FilterKey() => $"{string.Join(',', Filter?.States ?? [])}|{string.Join(',', Filter?.DecayTypes ?? [])}";

    public async Task RefreshAsync(bool throttled)
    {
        var now = Time.GetUtcNow();
        if (throttled && now - lastRefresh < RefreshEvery)
        {
            // Trailing refresh: the last changes of a burst must still reach the charts.
            if (!refreshScheduled)
            {
                refreshScheduled = true;
                _ = InvokeAsync(async () =>
                {
                    try
                    {
                        await Task.Delay(RefreshEvery - (now - lastRefresh), Time);
                        refreshScheduled = false;
                        await RefreshAsync(throttled: false);
                        StateHasChanged();
                    }
                    catch (Exception e) when (e is ObjectDisposedException || (e is OperationCanceledException && closed.IsCancellationRequested))
                    {
                        // The viewer left before the refresh was due.
                    }
                    catch (Exception e)
                    {
                        // Nobody awaits this task: say why the charts stopped following the search.
                        Logger.LogWarning(e, "Search {SearchId}: the analysis charts could not be refreshed", Search.Id);
                    }
                });
            }

            return;
        }

        lastRefresh = now;
        // Off the circuit's thread (the cache runs the build on the thread pool): reading every trial
        // takes a while (SQLite's "async" is synchronous), and the table and curves must stay
        // interactive meanwhile.
        var search = Search;
        var filter = Filter ?? new TrialQuery { SearchId = search.Id };
        var charts = await Charts.GetAsync(search, filter, async () =>
        {
            var points = await Store.GetTrialPointsAsync(filter);
            var top = (await Store.GetTrialsAsync(filter with { Sort = TrialSort.Rank, Descending = false, Skip = 0, Take = ParallelLimit })).Items;
            return Build(points, top, search, Metrics.Objective(search.Objective, search.Workload));
        }, closed.Token);
        (scatter, bestSoFar, parallel, scatterCaption) = (charts.Scatter, charts.BestSoFar, charts.Parallel, charts.ScatterCaption);
        _ = RefreshImportanceAsync(search.Id);
    }

    /// <summary>
    /// Over every completed trial, not the filtered ones: importance is a property of the search.
    /// In the background, so the charts never wait for it.
    /// </summary>
    private async Task RefreshImportanceAsync(long searchId)
    {
        try
        {
            importance = await Importance.GetAsync(searchId, Search.Counts.Completed, closed.Token);
            await InvokeAsync(StateHasChanged);
        }
        catch (Exception e) when (e is ObjectDisposedException || (e is OperationCanceledException && closed.IsCancellationRequested))
        {
            // The viewer left before it was computed.
        }
    }

    /// <param name="ranked">Every trial, best first (nulls last), as the store ranks them.</param>
    /// <param name="topRows">The first <see cref="ParallelLimit"/> of them, whole.</param>
    /// <param name="objective">The objective as people read it ("validation R²" for a regression workload).</param>
    private static AnalysisCharts Build(IReadOnlyList<TrialPoint> ranked, IReadOnlyList<TrialRow> topRows, SearchSummary search, string objective)
    {
        var maximize = search.Direction == ObjectiveDirection.Maximize;
        var valued = ranked.Where(r => r.BestValue is { } v && double.IsFinite(v)).ToList();
        var plotted = valued.Take(ScatterLimit).ToList();
        var scatterCaption = valued.Count > ScatterLimit ? $"best {ScatterLimit} of {valued.Count}" : $"{valued.Count} trials";
        var scatter = new ScatterChartSpec([.. plotted.GroupBy(r => r.DecayType).OrderBy(g => g.Key).Select(g =>
            new ChartSeries(g.Key, Labels.Decay(g.Key), [.. g.Select(r => new double?[] { TrialCurves.Round(r.InitialLr), TrialCurves.Round(r.BestValue!.Value), r.Number })])
            { Color = ChartColours.ForDecay(g.Key) })])
        {
            XName = "initial LR",
            YName = objective,
            LogX = true,
        };

        var bestSoFar = new LineChartSpec([new ChartSeries("best", "best so far", BestSoFar(ranked, maximize)) { Step = true }])
        {
            XName = "trial number",
            WholeX = true,
            YName = "best " + objective,
            Legend = false,
        };

        var top = topRows.Where(r => r.BestValue is { } v && double.IsFinite(v)).Take(ParallelLimit).ToList();
        var decays = top.Select(r => r.DecayType).Distinct().Order().ToList();
        var parallel = Parallel(top, decays, search, objective);
        return new AnalysisCharts(scatter, bestSoFar, parallel, scatterCaption);
    }

    /// <summary>
    /// LR, decay type (by name), each decay type's own numeric parameters (blank for trials of other
    /// types), the optional dimensions that vary among these trials, and the metric. Epochs done is a
    /// result, not a parameter, so it is not an axis.
    /// </summary>
    private static ParallelChartSpec Parallel(List<TrialRow> top, List<string> decays, SearchSummary search, string objective)
    {
        List<(ParallelAxis Axis, Func<TrialRow, object?> Value)> axes =
        [
            (new ParallelAxis("initial LR") { Log = true }, r => TrialCurves.Round(r.InitialLr)),
            (new ParallelAxis("decay") { Categories = [.. decays.Select(Labels.Decay)] }, r => Labels.Decay(r.DecayType)),
        ];
        var parameters = top.ToDictionary(r => r.Id, r => ConfigText.Flatten(r.Config));
        foreach (var decay in decays)
        {
            var names = top.Where(r => r.DecayType == decay)
                .SelectMany(r => parameters[r.Id].Keys.Where(k => k.StartsWith("decay.", StringComparison.Ordinal) && k != "decay.type"))
                .Distinct().Order(StringComparer.Ordinal);
            foreach (var key in names)
            {
                double? Number(TrialRow r) => r.DecayType == decay && parameters[r.Id].TryGetValue(key, out var text)
                    && double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
                var values = top.Select(Number).OfType<double>().Distinct().Count();
                if (values > 1) axes.Add((new ParallelAxis($"{Labels.Decay(decay)}: {key["decay.".Length..]}"), r => Number(r)));
            }
        }

        List<(ParallelAxis Axis, Func<TrialRow, object?> Value)> optional =
        [
            (new ParallelAxis("warmup steps"), r => r.WarmupSteps ?? 0),
            (new ParallelAxis("optimizer") { Categories = [.. top.Select(r => r.OptimizerType ?? "sgd").Distinct().Order()] }, r => r.OptimizerType ?? "sgd"),
            (new ParallelAxis("batch size"), r => r.BatchSize ?? 0),
        ];
        // A dimension every trial shares only adds a vertical line.
        axes.AddRange(optional.Where(o => top.Select(o.Value).Distinct().Count() > 1));
        axes.Add((new ParallelAxis(objective), r => TrialCurves.Round(r.BestValue!.Value)));
        return new ParallelChartSpec([.. axes.Select(a => a.Axis)],
            [.. top.Select(r => new ParallelLine([.. axes.Select(a => a.Value(r))], ChartColours.ForDecay(r.DecayType)))]);
    }

    /// <summary>A step line that moves only where a trial beat every earlier one (compact at any trial count).</summary>
    internal static List<double?[]> BestSoFar(IEnumerable<TrialPoint> trials, bool maximize)
    {
        var points = new List<double?[]>();
        double? best = null;
        var last = 0;
        foreach (var trial in trials.Where(t => t.BestValue is { } v && double.IsFinite(v)).OrderBy(t => t.Number))
        {
            last = trial.Number;
            var value = trial.BestValue!.Value;
            if (best is null || (maximize ? value > best : value < best))
            {
                best = value;
                points.Add([trial.Number, TrialCurves.Round(value)]);
            }
        }

        if (best is not null && points[^1][0] != last) points.Add([last, TrialCurves.Round(best.Value)]);
        return points;
    }

    // Cancelled, not disposed: a refresh still on its way may read the token after this.
    public void Dispose() => closed.Cancel();
}
