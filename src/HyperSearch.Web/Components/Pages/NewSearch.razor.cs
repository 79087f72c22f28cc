using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Web.Components.Charts;
using HyperSearch.Web.Components.Launch;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Pages;

/// <summary>
/// The launch form. Every edit rewrites the spec document and runs the core's validator on it (the
/// same check as the REST API and the CLI), puts each message under the field it belongs to,
/// redraws the schedule preview and updates the trial count and warnings. Messages appear once the
/// user has touched the form or pressed Launch. What is typed survives leaving the page (LaunchDraft).
/// </summary>
public partial class NewSearch
{
    private static readonly string[] PrunerTypes = ["none", "median", "asha", "hyperband"];
    private static readonly string[] PbtFields = ["population", "interval", "fraction", "perturbFactors"];

    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required IWorkloadCatalog Workloads { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required LaunchDraft Draft { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required HyperSearch.Web.Accounts.ICurrentActor Actors { get; init; }
    [Inject] public required HyperSearch.Web.Accounts.ILaunchTeams Teams { get; init; }
    [Inject] public required HyperSearch.Core.Faults.ITransientFaultDetector Faults { get; init; }
    [Inject] public required HyperSearch.Web.Accounts.SearchVisibility Visibility { get; init; }

    private IReadOnlyList<string> teamChoices = [];

    /// <summary>Prefill from this search (Clone).</summary>
    [SupplyParameterFromQuery(Name = "clone")] public string? Clone { get; set; }

    private MudForm? mudForm;
    private (bool, FormErrors)? validated;
    private LaunchForm form = new();
    private int formEpochs;
    private string specJson = "";
    private IReadOnlyList<Core.Validation.ValidationError> errors = [];
    private FormErrors formErrors = FormErrors.None;
    private readonly UnreadableNumbers unreadable = new();
    private IReadOnlyList<LaunchWarning> warnings = [];
    private int? slots;
    private bool showErrors;
    private bool launching;
    private string? submitError;
    private LineChartSpec preview = new([]);
    private IReadOnlyList<string> previewProblems = [];
    private LineChartSpec? rangeTestChart;
    private bool rangeTestRunning;
    private string? rangeTestMessage;

    private ILrRangeFinder? RangeFinder => Services.GetService<ILrRangeFinder>();

    private FormErrors Shown => showErrors ? formErrors : FormErrors.None;

    private string TrialCountText
    {
        get
        {
            if (form.Strategy != HyperSearch.Core.Sampling.SearchStrategy.Grid) return $"{form.Budget} trials ({Labels.Strategy(form.Strategy)} sampling)";
            if (GridCounter.Count(form) is not { } grid) return "grid size: fix the grid points or the space's errors first";
            return $"grid of {grid:N0} points → {Math.Min(grid, Math.Max(0, form.Budget)):N0} trials";
        }
    }

    private bool IsCommand(string workload) => Workloads.Workloads.Any(w => w.Name == workload && w.Kind == WorkloadKind.Command);

    protected override async Task OnInitializedAsync()
    {
        teamChoices = await Teams.LaunchableAsync(await Actors.GetAsync());
        var workload = Workloads.Names.Contains("fashion-mlp") ? "fashion-mlp" : Workloads.Names.FirstOrDefault() ?? "";
        form = LaunchForm.CreateDefault(workload);
        if (long.TryParse(Clone, out var searchId) && await Visibility.SearchAsync(searchId) is { } source)
        {
            form = LaunchFormReader.FromSpec(source.Spec);
        }
        else if (Draft.Form is { } draft)
        {
            form = draft;
            showErrors = true;
        }

        Draft.Form = form;
        formEpochs = form.Epochs;
        var queue = await Store.GetQueueAsync();
        var alive = queue.Workers.Where(w => w.Alive).Sum(w => w.Slots.Count);
        slots = alive > 0 ? alive : null;
    }

    private void Touch() => showErrors = true;

    private Func<T, IEnumerable<string>> Rule<T>(string field) => FormErrors.Rule<T>(() => Shown, field);

    /// <summary>
    /// MudForm shows a box's messages when it validates it; a change anywhere can change any box's
    /// messages (parallelism ≤ budget), so after every re-validation of the spec the whole form validates.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var state = (showErrors, formErrors);
        if (mudForm is null || state == validated) return;
        validated = state;
        await mudForm.ValidateAsync();
    }

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
        // Checked against what the workload declares, as the API does: a cloned spec's misspelt params are refused here.
        errors = SearchSpecValidator.Parse(json, Workloads.Workloads).Errors;
        formErrors = new FormErrors(errors, FieldPaths());
        warnings = LaunchWarnings.For(form, slots);
        var (series, problems) = SchedulePreview.Build(form);
        preview = new LineChartSpec(series) { XName = form.ScheduleUnit == Core.Training.ScheduleUnit.Epoch ? "epoch" : "step", WholeX = true, YName = "learning rate", LogY = true };
        previewProblems = problems;
    }

    /// <summary>The JSON path of every box on the form: a message goes under the deepest one covering its path.</summary>
    private List<string> FieldPaths()
    {
        List<string> paths = ["name", "owner", "workload", "strategy", "gridPoints", "budget", "parallelism", "epochs",
            "scheduleUnit", "seed", "pruner", "priority", "objective", "space.decay"];
        void Range(string path) => paths.AddRange([path, $"{path}.low", $"{path}.high", $"{path}.choices", $"{path}.value"]);
        Range("space.initialLr");
        foreach (var decay in form.IncludedDecays)
        {
            foreach (var parameter in decay.Parameters) Range($"space.decay.{decay.Type}.{parameter.Name}");
        }

        if (form.UseWarmup) { Range("space.warmup.steps"); Range("space.warmup.startFactor"); }
        if (form.UseOptimizer) { Range("space.optimizer.type"); Range("space.optimizer.momentum"); }
        if (form.Strategy == HyperSearch.Core.Sampling.SearchStrategy.Pbt) paths.AddRange(PbtFields.Select(f => $"space.pbt.{f}"));
        return paths;
    }

    private async Task LaunchAsync()
    {
        showErrors = true;
        submitError = null;
        var (spec, found) = LaunchSpecWriter.Validate(form, Workloads.Workloads);
        errors = found;
        formErrors = new FormErrors(found, FieldPaths());
        // A box whose text is not a number kept its old value: launching would launch a number the user did not type.
        if (spec is null || unreadable.Any) return;
        launching = true;
        try
        {
            // Team and launcher are decided (and authorised) on the server, like the API does.
            var actor = await Actors.GetAsync();
            var (owned, _, problem) = await Teams.AssignAsync(actor, spec);
            if (owned is null)
            {
                submitError = problem;
                return;
            }
            var cloned = long.TryParse(Clone, out var source);
            var fingerprint = LaunchFingerprint.Of(owned);
            var id = (await Store.LaunchSearchAsync(owned, new SearchLaunch(actor.Name,
                cloned ? HyperSearch.Data.Accounts.AuditAction.Clone : HyperSearch.Data.Accounts.AuditAction.Launch,
                cloned ? $"“{owned.Name}” from search {source}" : $"“{owned.Name}”", $"form:{form.LaunchKey}:{fingerprint}", fingerprint))).SearchId;
            Draft.Form = null;
            Snackbar.Add($"Launched “{spec.Name}” ({spec.Budget} trials).", Severity.Success);
            Navigation.NavigateTo($"searches/{id}");
        }
        catch (Exception e) when (Faults.IsTransient(e))
        {
            // The launch may have been saved before its answer was lost; the form's key makes a second try return it, not a copy.
            submitError = $"The database did not answer ({Faults.Describe(e)}). Launch again: a search already saved is not saved twice.";
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

    private Task ResetAsync()
    {
        form = LaunchForm.CreateDefault(form.Workload);
        Draft.Form = form;
        formEpochs = form.Epochs;
        showErrors = false;
        // The new form's boxes are new components (keyed by the form): the old boxes and their messages go.
        validated = null;
        rangeTestChart = null;
        rangeTestMessage = null;
        return Task.CompletedTask;
    }

    private async Task RunRangeTestAsync()
    {
        if (RangeFinder is not { } finder) return;
        rangeTestRunning = true;
        rangeTestMessage = $"Running the LR range test on {form.Workload}…";
        try
        {
            var result = await finder.RunAsync(form.Workload);
            var (low, high) = (LrRangeChart.Round(result.Low), LrRangeChart.Round(result.High));
            rangeTestChart = LrRangeChart.Build(result, low, high);
            form.InitialLr = ParamRange.Float("initialLr", low, high, log: true);
            // The message shows exactly the numbers filled in.
            rangeTestMessage = $"Suggested initial LR range: {Format.Lr(low)} to {Format.Lr(high)} (filled in).";
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
