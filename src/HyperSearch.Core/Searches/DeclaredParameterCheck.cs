using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Searches;

/// <summary>
/// Checks a space (at launch) or a trial config (when a trial starts) against what its workload declares
/// (<see cref="WorkloadInfo.Parameters"/>, <see cref="WorkloadInfo.BatchSize"/>): an undeclared <c>params</c>
/// name is refused naming it, the closest declared one and every declared one; a range, a choice or a fixed
/// value outside the declaration is refused naming the field. A workload that declares nothing is not checked.
/// </summary>
public static class DeclaredParameterCheck
{
    /// <returns>Problems with paths relative to the space (<c>params.n_layer</c>, <c>batchSize.high</c>).</returns>
    public static IReadOnlyList<ValidationError> CheckSpace(SearchSpace space, WorkloadInfo workload)
    {
        var errors = new List<ValidationError>();
        if (workload.Parameters is { } declared)
        {
            foreach (var p in space.Params ?? [])
            {
                var path = $"params.{p.Name}";
                if (declared.FirstOrDefault(d => d.Name == p.Name) is { } declaration)
                {
                    CheckDistribution(path, p.Distribution, declaration, errors);
                }
                else
                {
                    errors.Add(new(path, Unknown(p.Name, workload.Name, declared)));
                }
            }
        }
        if (workload.BatchSize is { } batch && space.BatchSize is { } batchSize)
        {
            CheckDistribution("batchSize", batchSize, batch, errors);
        }
        return errors;
    }

    /// <returns>Problems with a trial's values (<c>params.n_layer</c>, <c>batchSize</c>), for the trainer.</returns>
    public static IReadOnlyList<ValidationError> CheckConfig(TrialConfig config, WorkloadInfo workload)
    {
        var errors = new List<ValidationError>();
        if (workload.Parameters is { } declared)
        {
            foreach (var (name, value) in config.Params ?? new Dictionary<string, double>())
            {
                var declaration = declared.FirstOrDefault(d => d.Name == name);
                var problem = declaration is null ? Unknown(name, workload.Name, declared) : declaration.Check(value);
                if (problem is not null) errors.Add(new($"params.{name}", problem));
            }
        }
        if (workload.BatchSize is { } batch && config.BatchSize is { } batchSize && batch.Check(batchSize) is { } batchProblem)
        {
            errors.Add(new("batchSize", batchProblem));
        }
        return errors;
    }

    private static string Unknown(string name, string workload, IReadOnlyList<WorkloadParameter> declared)
    {
        if (declared.Count == 0) return $"workload '{workload}' takes no params";
        var known = string.Join(", ", declared.Select(d => d.Name));
        return NameSuggestion.Closest(name, declared.Select(d => d.Name)) is { } closest
            ? $"unknown parameter of workload '{workload}'; did you mean '{closest}'? (known: {known})"
            : $"unknown parameter of workload '{workload}' (known: {known})";
    }

    private static void CheckDistribution(string path, Distribution distribution, WorkloadParameter declaration, List<ValidationError> errors)
    {
        var categorical = declaration.Kind == WorkloadParameterKind.Categorical;
        switch (distribution)
        {
            case FloatDistribution or IntDistribution when categorical:
                errors.Add(new(path, $"{declaration.Name} takes one of {declaration.Range}: give choices or a value, not a range"));
                break;
            case FloatDistribution when declaration.Kind == WorkloadParameterKind.Int:
                errors.Add(new($"{path}.type", $"{declaration.Name} is an integer parameter: use \"int\""));
                break;
            case FloatDistribution f:
                CheckBound($"{path}.low", f.Low, declaration, errors);
                CheckBound($"{path}.high", f.High, declaration, errors);
                break;
            case IntDistribution i:
                CheckBound($"{path}.low", i.Low, declaration, errors);
                CheckBound($"{path}.high", i.High, declaration, errors);
                break;
            case CategoricalDistribution c:
                for (var k = 0; k < c.Choices.Count; k++)
                {
                    CheckValue(path, c.Choices[k], declaration, errors, $"choice {k + 1} ");
                }
                break;
            case FixedDistribution x:
                CheckValue(path, x.Value, declaration, errors, "");
                break;
        }
    }

    private static void CheckBound(string path, double bound, WorkloadParameter declaration, List<ValidationError> errors)
    {
        if (declaration.Check(bound) is { } problem) errors.Add(new(path, problem));
    }

    private static void CheckValue(string path, JsonNode value, WorkloadParameter declaration, List<ValidationError> errors, string which)
    {
        var number = SpaceValues.AsNumber(value);
        var problem = number is { } n ? declaration.Check(n) : "must be a number";
        if (problem is not null) errors.Add(new(path, which + problem));
    }
}
