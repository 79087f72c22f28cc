using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Space;

/// <summary>Reads the top level of a space file; see docs/search-space.md for the format.</summary>
internal sealed class SpaceReader
{
    private static readonly string[] TopLevelFields = ["initialLr", "decay", "warmup", "optimizer", "batchSize", "params", "pbt"];

    private readonly List<ValidationError> errors = [];
    private readonly DistributionReader distributions;

    private readonly int? runLength;

    /// <param name="runLength">Schedule steps of the run, for the default ranges of decay types named without ranges (null: unknown).</param>
    public SpaceReader(int? runLength = null)
    {
        distributions = new DistributionReader(errors);
        this.runLength = runLength;
    }

    public (SearchSpace? Space, IReadOnlyList<ValidationError> Errors) Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new ValidationError("$", $"not valid JSON: {e.Message}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ValidationError("$", "a search space must be a JSON object")]);
            }
            foreach (var p in root.EnumerateObject().Where(p => !TopLevelFields.Contains(p.Name)))
            {
                Error(p.Name, $"unknown field; known: {string.Join(", ", TopLevelFields)}");
            }
            var initialLr = root.TryGetProperty("initialLr", out var lr)
                ? distributions.Read("initialLr", lr, TrialParameters.InitialLr, logByDefault: true)
                : Missing("initialLr");
            // A space without "decay" searches the LR alone under a constant schedule.
            var decay = root.TryGetProperty("decay", out var d) ? ReadDecay(d) : [DecayCatalog.Find(DecayTypes.Constant)!.DefaultBranch(runLength)];
            var warmup = ReadSection(root, "warmup", TrialParameters.Warmup);
            var optimizer = ReadSection(root, "optimizer", TrialParameters.Optimizer);
            var batchSize = root.TryGetProperty("batchSize", out var b)
                ? distributions.Read("batchSize", b, TrialParameters.BatchSize)
                : null;
            var generic = ReadGenericParams(root);
            var pbt = root.TryGetProperty("pbt", out var pbtJson) ? Pbt.PbtSettingsReader.Read(pbtJson, errors) : null;
            if (errors.Count > 0)
            {
                return (null, errors);
            }
            return (new SearchSpace
            {
                InitialLr = initialLr!,
                Decay = decay!,
                Warmup = warmup,
                Optimizer = optimizer,
                BatchSize = batchSize,
                Params = generic,
                Pbt = pbt,
            }, errors);
        }
    }

    private IReadOnlyList<DecayBranch>? ReadDecay(JsonElement json)
    {
        // ["step", "cosine"] is shorthand for those types with the catalogue's default ranges.
        if (json.ValueKind == JsonValueKind.Array)
        {
            var branches = new List<DecayBranch>();
            var i = 0;
            foreach (var e in json.EnumerateArray())
            {
                var name = e.ValueKind == JsonValueKind.String ? e.GetString()! : null;
                if (DecayCatalog.Find(name) is { } descriptor)
                {
                    branches.Add(descriptor.DefaultBranch(runLength));
                }
                else
                {
                    Error($"decay[{i}]", UnknownDecayType(name));
                }
                i++;
            }
            return CheckNotEmpty(branches);
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            Error("decay", "must be an object mapping decay types to their parameters, or an array of decay type names");
            return null;
        }
        var result = new List<DecayBranch>();
        foreach (var branch in json.EnumerateObject())
        {
            var path = $"decay.{branch.Name}";
            if (DecayCatalog.Find(branch.Name) is not { } descriptor)
            {
                Error(path, UnknownDecayType(branch.Name));
                continue;
            }
            if (ReadParams(path, branch.Value, descriptor.Parameters.Select(p => p.Info).ToArray(), $"parameter of {branch.Name}") is { } ps)
            {
                result.Add(new DecayBranch(branch.Name, ps));
            }
        }
        return CheckNotEmpty(result);
    }

    private IReadOnlyList<SpaceParam>? ReadSection(JsonElement root, string name, IReadOnlyList<ParamInfo> infos) =>
        root.TryGetProperty(name, out var json) ? ReadParams(name, json, infos, $"{name} field") : null;

    private IReadOnlyList<SpaceParam>? ReadParams(string path, JsonElement json, IReadOnlyList<ParamInfo> infos, string what)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be an object of parameter distributions");
            return null;
        }
        var result = new List<SpaceParam>();
        foreach (var p in json.EnumerateObject())
        {
            var info = infos.FirstOrDefault(i => i.Name == p.Name);
            if (info is null)
            {
                var known = infos.Count == 0 ? "it takes none" : $"known: {string.Join(", ", infos.Select(i => i.Name))}";
                Error($"{path}.{p.Name}", $"unknown {what}; {known}");
                continue;
            }
            if (distributions.Read($"{path}.{p.Name}", p.Value, info) is { } distribution)
            {
                result.Add(new SpaceParam(p.Name, distribution));
            }
        }
        foreach (var missing in infos.Where(i => i.Required && result.All(r => r.Name != i.Name) && !json.TryGetProperty(i.Name, out _)))
        {
            Error($"{path}.{missing.Name}", "required");
        }
        return result;
    }

    private IReadOnlyList<SpaceParam>? ReadGenericParams(JsonElement root)
    {
        if (!root.TryGetProperty("params", out var json))
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object)
        {
            Error("params", "must be an object of named numeric distributions");
            return null;
        }
        var result = new List<SpaceParam>();
        var names = json.EnumerateObject().Select(p => p.Name).ToList();
        var i = 0;
        foreach (var p in json.EnumerateObject())
        {
            var path = $"params.{p.Name}";
            i++;
            // "when" makes the entry conditional; the rest of the object is its distribution.
            var (body, when) = SplitWhen(p.Value);
            var conditions = when is { } w ? new ConditionReader(errors).Read($"{path}.when", w, result, names.Skip(i).ToList()) : null;
            if (distributions.Read(path, body, TrialParameters.Generic(p.Name)) is { } distribution)
            {
                result.Add(new SpaceParam(p.Name, distribution, conditions is { Count: > 0 } ? conditions : null));
            }
        }
        return result;
    }

    private static (JsonElement Body, JsonElement? When) SplitWhen(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("when", out var when))
        {
            return (entry, null);
        }
        var body = JsonNode.Parse(entry.GetRawText())!.AsObject();
        body.Remove("when");
        return (JsonSerializer.SerializeToElement(body), when.Clone());
    }

    private IReadOnlyList<DecayBranch>? CheckNotEmpty(List<DecayBranch> branches)
    {
        if (branches.Count == 0 && errors.All(e => !e.Path.StartsWith("decay", StringComparison.Ordinal)))
        {
            Error("decay", "must name at least one decay type");
        }
        return branches;
    }

    private static string UnknownDecayType(string? name) =>
        $"unknown decay type '{name}'; known: {string.Join(", ", DecayTypes.All)}";

    private Distribution? Missing(string path)
    {
        Error(path, "required");
        return null;
    }

    private void Error(string path, string message) => errors.Add(new ValidationError(path, message));
}
