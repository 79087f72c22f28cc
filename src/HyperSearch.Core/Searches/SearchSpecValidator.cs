using System.Text.Json;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Searches;

/// <summary>
/// Reads a search spec document (settings + <c>space</c>) and reports every problem by field, so
/// the CLI, the REST API and the launch form refuse the same inputs with the same messages.
/// </summary>
public static class SearchSpecValidator
{
    public const int MaxBudget = 100_000;
    public const int MaxEpochs = 10_000;

    private static readonly string[] Known =
    [
        "name", "owner", "team", "workload", "strategy", "space", "objective", "direction", "budget",
        "parallelism", "epochs", "scheduleUnit", "seed", "gridPoints", "pruner", "priority",
    ];

    private static readonly string[] PrunerKnown = ["type", "startupTrials", "warmupSteps", "reductionFactor", "minResource", "maxResource"];

    /// <param name="workloads">Workload names the trainer knows; a spec naming another is refused. No declared parameters are checked.</param>
    public static (SearchSpec? Spec, IReadOnlyList<ValidationError> Errors) Parse(string json, IReadOnlyCollection<string> workloads) =>
        Parse(json, workloads.Select(name => new WorkloadInfo(name, "", WorkloadKind.TorchSharp)).ToList());

    /// <param name="workloads">
    /// The workloads the trainer knows; a spec naming another is refused, and the space's <c>params</c> and
    /// <c>batchSize</c> are checked against what the named one declares (<see cref="DeclaredParameterCheck"/>).
    /// </param>
    public static (SearchSpec? Spec, IReadOnlyList<ValidationError> Errors) Parse(string json, IReadOnlyList<WorkloadInfo> workloads)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, [new ValidationError("$", $"not valid JSON ({e.Message})")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, [new ValidationError("$", "must be a JSON object")]);
            var textErrors = JsonTextGuard.Check(document.RootElement);
            if (textErrors.Count > 0) return (null, textErrors);
            return Read(document.RootElement, workloads);
        }
    }

    private static (SearchSpec?, IReadOnlyList<ValidationError>) Read(JsonElement root, IReadOnlyList<WorkloadInfo> workloads)
    {
        var r = new SpecFieldReader(root, "");
        foreach (var property in root.EnumerateObject())
        {
            if (!Known.Contains(property.Name))
                r.Errors.Add(new ValidationError(property.Name, $"unknown field (known: {string.Join(", ", Known)})"));
        }

        var name = r.String("name", required: true);
        if (name is not null && name.Trim().Length == 0) r.Error("name", "must not be empty");
        else if (name is not null && DisplayText.Problem(name) is { } nameProblem) r.Error("name", nameProblem);
        else if (name is not null && name.Trim().Length > SearchSpec.MaxNameLength)
            r.Error("name", $"must be at most {SearchSpec.MaxNameLength} characters; got {name.Trim().Length}");
        var owner = r.String("owner") ?? "local";
        var team = r.String("team");
        if (team is not null && team.Trim().Length == 0) r.Error("team", "must not be empty");
        var workload = r.String("workload", required: true);
        var declared = workloads.FirstOrDefault(w => w.Name == workload);
        if (workload is not null && declared is null)
            r.Error("workload", $"unknown workload '{workload}' (known: {string.Join(", ", workloads.Select(w => w.Name).Order())})");
        var strategy = r.Enum("strategy", SearchStrategy.Tpe);
        var objective = r.Enum("objective", ObjectiveMetric.ValLoss);
        var direction = r.Enum("direction", objective == ObjectiveMetric.ValAccuracy ? ObjectiveDirection.Maximize : ObjectiveDirection.Minimize);
        var budget = r.Int("budget", required: true, min: 1, max: MaxBudget);
        var parallelism = r.Int("parallelism", min: 1, max: MaxBudget) ?? 1;
        if (budget is not null && parallelism > budget)
            r.Error("parallelism", $"must be ≤ budget ({budget})");
        var epochs = r.Int("epochs", required: true, min: 1, max: MaxEpochs);
        var unit = r.Enum("scheduleUnit", ScheduleUnit.Epoch);
        var seed = r.Int("seed", min: int.MinValue, max: int.MaxValue); // none given: random when stored
        var gridPoints = r.Int("gridPoints", min: 2, max: GridSampler.MaxPointsPerRange) ?? 3;
        var priority = r.Int("priority", min: -1000, max: 1000) ?? 0;
        var pruner = ReadPruner(r, epochs);
        var spaceJson = ReadSpace(r, declared);
        // PBT's segments hand over at epoch boundaries, and its exported schedule has one LR per epoch.
        if (strategy == SearchStrategy.Pbt && unit != ScheduleUnit.Epoch)
            r.Error("scheduleUnit", "must be epoch for the pbt strategy (segments hand over between epochs)");

        if (r.Errors.Count > 0) return (null, r.Errors);
        return (new SearchSpec
        {
            Name = name!.Trim(),
            Owner = owner,
            Team = team?.Trim(),
            Workload = workload!,
            Strategy = strategy,
            SpaceJson = spaceJson!,
            Objective = objective,
            Direction = direction,
            Budget = budget!.Value,
            Parallelism = parallelism,
            Epochs = epochs!.Value,
            ScheduleUnit = unit,
            Seed = seed,
            GridPoints = gridPoints,
            Pruner = pruner,
            Priority = priority,
        }, []);
    }

    private static PrunerSpec ReadPruner(SpecFieldReader r, int? epochs)
    {
        var element = r.Object("pruner");
        if (element is null) return new PrunerSpec();
        var p = new SpecFieldReader(element.Value, "pruner.", r.Errors);
        foreach (var property in element.Value.EnumerateObject().Where(q => !PrunerKnown.Contains(q.Name)))
            p.Error(property.Name, $"unknown field (known: {string.Join(", ", PrunerKnown)})");
        var type = p.String("type") ?? "none";
        if (type is not ("none" or "median" or "asha" or "hyperband")) p.Error("type", "must be one of none, median, asha, hyperband");
        var defaults = new PrunerSpec();
        var minResource = p.Int("minResource", min: 1, max: MaxEpochs) ?? defaults.MinResource;
        var givenMax = p.Int("maxResource", min: 1, max: MaxEpochs);
        var maxResource = givenMax ?? epochs ?? minResource;
        if (type == "hyperband" && maxResource < minResource)
            p.Error(givenMax is null ? "minResource" : "maxResource", $"minResource must be ≤ maxResource ({maxResource}, the epochs unless given)");
        return new PrunerSpec
        {
            Type = type,
            StartupTrials = p.Int("startupTrials", min: 0, max: MaxBudget) ?? defaults.StartupTrials,
            WarmupSteps = p.Int("warmupSteps", min: 0, max: MaxEpochs) ?? defaults.WarmupSteps,
            ReductionFactor = p.Int("reductionFactor", min: 2, max: 100) ?? defaults.ReductionFactor,
            MinResource = minResource,
            MaxResource = type == "hyperband" ? maxResource : 0,
        };
    }

    private static string? ReadSpace(SpecFieldReader r, WorkloadInfo? workload)
    {
        var space = r.Object("space", required: true);
        if (space is null) return null;
        var json = space.Value.GetRawText();
        var (parsed, errors) = SearchSpaceJson.Parse(json);
        // Declarations are checked only on a space that is valid on its own, so each mistake is named once.
        if (parsed is not null && workload is not null) errors = DeclaredParameterCheck.CheckSpace(parsed, workload);
        foreach (var error in errors)
            r.Errors.Add(error with { Path = "space." + error.Path.TrimStart('$', '.') });
        return json;
    }
}
