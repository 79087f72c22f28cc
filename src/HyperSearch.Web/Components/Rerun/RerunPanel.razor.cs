using System.Globalization;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Charts;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Launch;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Rerun;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Rerun;

/// <summary>
/// "Re-run with changes" on the Trial page: edits the trial's config, shows the core validator's
/// messages under the box each names and the LR schedule of the edit beside the original's, and
/// adds the result as a new trial of the same search (<see cref="ITrialStore.AddTrialAsync"/>).
/// </summary>
public partial class RerunPanel
{
    [Inject] public required SearchCommands Commands { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter, EditorRequired] public required TrialRow Trial { get; set; }
    [Parameter, EditorRequired] public required SearchDetail Search { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private RerunForm form = null!;
    private FormErrors errors = FormErrors.None;
    private string? lrWarning;
    private LineChartSpec preview = new([]);
    private ChartSeries? originalCurve;
    private long? formFor;
    private bool busy;

    private string? RefusedReason => Search.Summary.State switch
    {
        SearchState.Cancelled or SearchState.Failed =>
            $"This search is {Search.Summary.State.ToString().ToLowerInvariant()}: nothing more runs in it. Clone it from the Searches page to try this config.",
        _ => null,
    };

    protected override void OnParametersSet()
    {
        if (formFor == Trial.Id) return;
        formFor = Trial.Id;
        form = RerunForm.From(Trial.Config);
        originalCurve = Curve("original", $"#{Trial.Number} as run", Trial.Config, ChartColours.Colour(1)) with { Dashed = true };
        Evaluate();
    }

    private void Edit(Action change)
    {
        change();
        Evaluate();
    }

    private void Evaluate()
    {
        var (config, problems) = form.Read();
        errors = new FormErrors(problems, Fields());
        // The launch form's own rule: an LR that no workload here trains at is said before it is queued.
        lrWarning = config is null ? null : HyperSearch.Web.Launch.LaunchWarnings.InitialLr(config.InitialLr);
        // The last good preview would contradict the boxes: show only the original until the edit is valid.
        List<ChartSeries> series = [.. originalCurve is null ? [] : new[] { originalCurve }];
        if (config is not null) series.Insert(0, Curve("rerun", "re-run", config, ChartColours.Colour(0)));
        preview = new LineChartSpec(series) { XName = "step", WholeX = true, YName = "learning rate", LogY = true };
    }

    private IEnumerable<string> Fields()
    {
        yield return "initialLr";
        yield return "decay.type";
        foreach (var p in form.DecayParameters) yield return "decay." + p.Name;
        if (form.Warmup)
        {
            yield return "warmup.steps";
            yield return "warmup.startFactor";
        }
        if (form.HasOptimizer)
        {
            yield return "optimizer.type";
            yield return "optimizer.momentum";
            yield return "optimizer.weightDecay";
        }
        foreach (var name in form.Params.Keys) yield return "params." + name;
    }

    private ChartSeries Curve(string id, string name, TrialConfig config, string colour)
    {
        try
        {
            var lrs = ScheduleCurve.Compute(config, Math.Max(2, Search.Summary.Epochs));
            return new ChartSeries(id, name, [.. lrs.Select((lr, step) => ChartSeries.Point(step, lr))]) { Step = true, Color = colour };
        }
        catch (InvalidTrialConfigException)
        {
            // A config stored before a validator rule existed: no curve rather than a broken page.
            return new ChartSeries(id, name, []) { Color = colour };
        }
    }

    private static string? Hint(DecayParameter parameter)
    {
        var info = parameter.Info;
        var kind = info.Kind switch
        {
            Core.Space.ParamKind.Int => "whole number",
            Core.Space.ParamKind.IntList => "whole numbers, comma-separated",
            Core.Space.ParamKind.Bool => "true or false",
            _ => "number",
        };
        var range = (info.Min, info.Max) switch
        {
            (double min, double max) => $" in {(info.MinExclusive ? "(" : "[")}{F(min)}, {F(max)}{(info.MaxExclusive ? ")" : "]")}",
            (double min, null) => $" {(info.MinExclusive ? ">" : "≥")} {F(min)}",
            (null, double max) => $" {(info.MaxExclusive ? "<" : "≤")} {F(max)}",
            _ => "",
        };
        return $"{kind}{range}{(info.Required ? "" : "; empty: PyTorch's default")} ({parameter.TorchName})";
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private async Task AddAsync()
    {
        var (config, problems) = form.Read();
        if (config is null)
        {
            errors = new FormErrors(problems, Fields());
            return;
        }

        busy = true;
        try
        {
            var added = await Commands.AddTrialAsync(Search.Summary.Id, Search.Summary.Name, config);
            switch (added?.Status)
            {
                case AddTrialStatus.Added:
                    Snackbar.Add($"Trial #{added.Number} added to “{Search.Summary.Name}” and queued.", Severity.Success);
                    Navigation.NavigateTo($"trials/{added.TrialId}");
                    break;
                case AddTrialStatus.SearchEvaluating:
                    Snackbar.Add("The search is testing its best trial on the held-out set; add the trial when that has finished (a few minutes).", Severity.Warning);
                    break;
                case AddTrialStatus.SearchStopped:
                    Snackbar.Add($"“{Search.Summary.Name}” is cancelled or failed: nothing more runs in it.", Severity.Error);
                    break;
                case null:
                    break; // not allowed: SearchCommands said why
                default:
                    Snackbar.Add("The search no longer exists.", Severity.Error);
                    break;
            }
        }
        finally
        {
            busy = false;
        }
    }
}
