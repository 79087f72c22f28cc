using HyperSearch.Core.Searches;
using HyperSearch.Core.Validation;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// The launch form. Every edit rewrites the spec document and runs the core's validator on it (the
/// same check as the REST API and the CLI), redraws the schedule preview, and updates the grid's
/// trial count. Messages appear once the user has touched the form or pressed Launch.
/// </summary>
public partial class NewSearch
{
    private static readonly string[] PrunerTypes = ["none", "median", "asha"];

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required IWorkloadCatalog Workloads { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }

    /// <summary>Prefill from this search (Clone).</summary>
    [SupplyParameterFromQuery(Name = "clone")] public string? Clone { get; set; }
    /// <summary>Prefill a single-trial search from this trial ("re-run with changes").</summary>
    [SupplyParameterFromQuery(Name = "trial")] public string? Trial { get; set; }

    private LaunchForm form = new();
    private int formEpochs;
    private string specJson = "";
    private IReadOnlyList<ValidationError> errors = [];
    private List<string> placedPaths = [];
    private bool showErrors;
    private bool launching;
    private string? submitError;
    private LineChartSpec preview = new([]);
    private IReadOnlyList<string> previewProblems = [];
    private LineChartSpec? rangeTestChart;
    private bool rangeTestRunning;
    private string? rangeTestMessage;

    private ILrRangeFinder? RangeFinder => Services.GetService<ILrRangeFinder>();

    private IReadOnlyList<ValidationError> VisibleErrors => showErrors ? errors : [];

    private IReadOnlyList<ValidationError> UnplacedDecayErrors =>
        [.. VisibleErrors.Where(e => FieldErrors.Covers("space.decay", e.Path) && !IsPlaced(e.Path))];

    private IReadOnlyList<ValidationError> UnplacedSpaceErrors =>
        [.. VisibleErrors.Where(e => !FieldErrors.Covers("space.decay", e.Path) && !IsPlaced(e.Path))];

    private string TrialCountText
    {
        get
        {
            if (form.Strategy != HyperSearch.Core.Sampling.SearchStrategy.Grid) return $"{form.Budget} trials ({form.Strategy} sampling)";
            if (GridCounter.Count(form) is not { } grid) return "grid size: fix the space's errors first";
            return $"grid of {grid:N0} points → {Math.Min(grid, Math.Max(0, form.Budget)):N0} trials";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var workload = Workloads.Names.Contains("fashion-mlp") ? "fashion-mlp" : Workloads.Names.FirstOrDefault() ?? "";
        form = LaunchForm.CreateDefault(workload);
        if (long.TryParse(Trial, out var trialId) && await Store.GetTrialAsync(trialId) is { } trial
            && await Store.GetSearchAsync(trial.SearchId) is { } origin)
        {
            form = LaunchFormReader.FromTrial(origin.Spec, trial.Config, trial.Number);
        }
        else if (long.TryParse(Clone, out var searchId) && await Store.GetSearchAsync(searchId) is { } source)
        {
            form = LaunchFormReader.FromSpec(source.Spec);
        }

        formEpochs = form.Epochs;
    }

    private void Touch() => showErrors = true;

    /// <summary>Runs on every render; recomputes only when the spec document changed.</summary>
    private void Evaluate()
    {
        if (form.Epochs != formEpochs)
        {
            if (form.Epochs is > 0 and <= SearchSpecValidator.MaxEpochs) form.FollowEpochs(formEpochs);
            formEpochs = form.Epochs;
        }

        var json = LaunchSpecWriter.ToJson(form, indented: true);
        if (json == specJson) return;
        specJson = json;
        errors = SearchSpecValidator.Parse(json, Workloads.Names).Errors;
        placedPaths = PlacedPaths();
        var (series, problems) = SchedulePreview.Build(form);
        preview = new LineChartSpec(series) { XName = "epoch", YName = "learning rate", LogY = true };
        previewProblems = problems;
    }

    private List<string> PlacedPaths()
    {
        List<string> paths = ["name", "owner", "workload", "strategy", "gridPoints", "budget", "parallelism", "epochs",
            "scheduleUnit", "seed", "pruner", "priority", "objective", "space.initialLr"];
        paths.AddRange(form.IncludedDecays.SelectMany(d => d.Parameters.Select(p => $"space.decay.{d.Type}.{p.Name}")));
        if (form.UseWarmup) paths.AddRange(["space.warmup.steps", "space.warmup.startFactor"]);
        if (form.UseOptimizer) paths.AddRange(["space.optimizer.type", "space.optimizer.momentum"]);
        return paths;
    }

    private bool IsPlaced(string path) => placedPaths.Any(field => FieldErrors.Covers(field, path));

    private async Task LaunchAsync()
    {
        showErrors = true;
        submitError = null;
        var (spec, found) = LaunchSpecWriter.Validate(form, Workloads.Names);
        errors = found;
        if (spec is null) return;
        launching = true;
        try
        {
            var id = await Store.CreateSearchAsync(spec);
            Navigation.NavigateTo($"searches/{id}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            submitError = $"The search could not be created: {e.Message}";
        }
        finally
        {
            launching = false;
        }
    }

    private static double RoundLr(double lr) => double.Parse(lr.ToString("G2", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private async Task RunRangeTestAsync()
    {
        if (RangeFinder is not { } finder) return;
        rangeTestRunning = true;
        rangeTestMessage = $"Running the LR range test on {form.Workload}…";
        try
        {
            var result = await finder.RunAsync(form.Workload);
            rangeTestChart = new LineChartSpec([new ChartSeries("range", "loss",
                [.. result.Curve.Select(p => ChartSeries.Point(p.Lr, p.Loss))])])
            {
                XName = "learning rate",
                LogX = true,
                YName = "training loss",
                Legend = false,
            };
            form.InitialLr = ParamRange.Float("initialLr", RoundLr(result.Low), RoundLr(result.High), log: true);
            rangeTestMessage = $"Suggested initial LR range: {Format.Lr(result.Low)} to {Format.Lr(result.High)} (filled in).";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            rangeTestMessage = $"The LR range test failed: {e.Message}";
        }
        finally
        {
            rangeTestRunning = false;
        }
    }
}
