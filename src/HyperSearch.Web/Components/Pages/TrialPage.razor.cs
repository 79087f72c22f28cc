using System.Text.Json;
using HyperSearch.Core.Access;
using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Shared;
using MudBlazor;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Pages;

/// <summary>One trial: config, curves (growing live while it runs), diagnosis with its hint, timeline, re-run.</summary>
public partial class TrialPage : IDisposable
{
    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required MetricNames Metrics { get; init; }

    /// <summary>"accuracy", or "R²" for a regression workload.</summary>
    private string MetricName => Metrics.Metric(search?.Summary.Workload ?? "");
    [Inject] public required ICheckpointStore Checkpoints { get; init; }
    [Inject] public required SearchCommands Commands { get; init; }

    [Parameter] public long TrialId { get; set; }

    private TrialRow? trial;
    private SearchDetail? search;
    private bool loaded;
    private bool rerunOpen;
    private long? shownTrialId;
    private string configJson = "";
    private CurveDiagnosis? diagnosis;
    private List<EpochPoint> epochs = [];
    private LineChartSpec lossChart = new([]);
    private LineChartSpec lrChart = new([]);
    private LineChart? lossView;
    private LineChart? lrView;
    private IDisposable? subscription;
    private Actor actor = CircuitActor.Nobody;

    // The stored "label: hint" wins; the page's own diagnosis covers trials the store has not judged yet.
    // The best trial keeps its checkpoint (a running trial has its latest one): offer the download.
    private bool HasCheckpoint => Checkpoints.Exists(ICheckpointStore.KeyOf(TrialId));

    private bool CanManage => search is not null && SearchCommands.Manage(actor, search.Summary);
    private bool CanAnnotate => search is not null && SearchCommands.Annotate(actor, search.Summary);

    private async Task<bool> SaveAnnotationAsync(Annotation annotation)
    {
        if (!await Commands.AnnotateTrialAsync(TrialId, $"trial #{trial?.Number}", annotation)) return false;
        trial = await Store.GetTrialAsync(TrialId) ?? trial;
        StateHasChanged(); // the panel's own event: this page renders the saved tags only when told
        return true;
    }

    private string? DiagnosisLabel => DiagnosisText.Split(trial?.Diagnosis).Label ?? diagnosis?.Label.ToString();
    private string? DiagnosisHint => DiagnosisText.Split(trial?.Diagnosis).Hint ?? diagnosis?.Hint;

    protected override async Task OnParametersSetAsync()
    {
        // Another trial (e.g. the one just added by re-run) starts with the re-run form closed.
        if (shownTrialId != TrialId) rerunOpen = false;
        shownTrialId = TrialId;
        trial = await Store.GetTrialAsync(TrialId);
        loaded = true;
        if (trial is null) return;
        search = await Store.GetSearchAsync(trial.SearchId);
        actor = await Commands.ActorAsync();
        if (search is null || !SearchPermissions.CanRead(actor, search.Summary.TeamId))
        {
            // Read isolation: a trial of another team's search reads as no such trial.
            (trial, search) = (null, null);
            return;
        }
        configJson = JsonSerializer.Serialize(trial.Config, HyperJson.Indented);
        epochs = [.. await Store.GetEpochsAsync(TrialId)];
        Diagnose();
        List<(string, long, string)> one = [($"#{trial.Number}", trial.Id, ChartColours.Colour(0))];
        var byTrial = new Dictionary<long, IReadOnlyList<EpochPoint>> { [trial.Id] = Thin(epochs) };
        lossChart = new LineChartSpec(TrialCurves.Losses(one, byTrial)) { XName = "epoch", WholeX = true, YName = "loss" };
        lrChart = new LineChartSpec(TrialCurves.LearningRates(one, byTrial)) { XName = "epoch", WholeX = true, YName = "learning rate", LogY = true, Legend = false };
        subscription ??= Live.Subscribe($"trial {TrialId} page", OnUpdateAsync, TimeSpan.FromMilliseconds(500));
    }

    /// <summary>Keeps the payload small for very long runs (the table/API still have every epoch).</summary>
    private static List<EpochPoint> Thin(List<EpochPoint> all)
    {
        const int max = 1000;
        if (all.Count <= max) return all;
        var step = (double)(all.Count - 1) / (max - 1);
        return [.. Enumerable.Range(0, max).Select(i => all[(int)Math.Round(i * step)])];
    }

    private void Diagnose()
    {
        if (trial is null || epochs.Count < CurveDiagnoser.MinPoints) return;
        // The search's best validation loss as reference, as the stored diagnosis has it.
        var reference = search?.Summary is { Objective: ObjectiveMetric.ValLoss, BestValue: { } best } && double.IsFinite(best) ? best : (double?)null;
        diagnosis = CurveDiagnoser.Diagnose([.. epochs.OrderBy(e => e.Epoch).Select(e => e.ValLoss)], trial.InitialLr, reference);
    }

    private Task OnUpdateAsync(LiveUpdate update) => InvokeAsync(async () =>
    {
        var changes = update.Changes;
        if (update.Gap)
        {
            await OnParametersSetAsync();
            StateHasChanged();
            return;
        }

        var mine = changes.Epochs.Where(e => e.TrialId == TrialId).OrderBy(e => e.Epoch).ToList();
        var row = changes.Trials.FirstOrDefault(t => t.Id == TrialId);
        if (search is null || (mine.Count == 0 && row is null)) return;
        if (row is not null) trial = row;
        if (mine.Count > 0)
        {
            epochs.AddRange(mine);
            HashSet<long> shown = [TrialId];
            if (lossView is not null) await lossView.AppendAsync(TrialCurves.LossAdditions(mine, shown));
            if (lrView is not null) await lrView.AppendAsync(TrialCurves.LrAdditions(mine, shown));
            Diagnose();
        }

        StateHasChanged();
    });

    private async Task CancelAsync()
    {
        if (trial is null || !await Commands.CancelTrialAsync(TrialId, $"trial #{trial.Number}")) return;
        trial = await Store.GetTrialAsync(TrialId);
    }

    public void Dispose() => subscription?.Dispose();
}
