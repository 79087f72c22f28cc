using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;

namespace HyperSearch.Core.Space;

/// <summary>
/// A point of the space as samplers see it: the decay type plus one JSON value per dimension path
/// of that branch. It converts to and from <see cref="TrialConfig"/> through the contract JSON, so a
/// sampled point always deserializes exactly as a stored trial config does.
/// </summary>
public sealed record SpacePoint(string DecayType, IReadOnlyDictionary<string, JsonNode> Values)
{
    public TrialConfig ToConfig(SearchSpace space)
    {
        var root = new JsonObject();
        var decay = new JsonObject { ["type"] = DecayType };
        root["decay"] = decay;
        foreach (var dim in space.DimensionsOf(DecayType))
        {
            if (!Values.TryGetValue(dim.Path, out var drawn))
            {
                // An inactive conditional parameter is absent from the config, not set to a stand-in.
                if (dim.IsConditional) continue;
                throw new KeyNotFoundException($"the point has no value for {dim.Path}");
            }
            var value = drawn.DeepClone();
            if (dim.Name is null)
            {
                root[dim.Section] = value;
                continue;
            }
            var section = dim.Section == "decay" ? decay : (JsonObject)(root[dim.Section] ??= new JsonObject());
            section[dim.Name] = value;
        }
        // Zero warmup steps is the space's way of saying "no warmup" for this trial.
        if (root["warmup"] is JsonObject warmup && SpaceValues.AsNumber(warmup["steps"]) is 0)
        {
            root.Remove("warmup");
        }
        return root.Deserialize<TrialConfig>(HyperJson.Options)
            ?? throw new InvalidOperationException("a sampled point produced an empty config");
    }

    /// <summary>
    /// Reads the point a config stands for, or null when the config does not fit the space's
    /// structure (another decay type, a missing parameter): such trials tell a sampler nothing.
    /// </summary>
    public static SpacePoint? FromConfig(SearchSpace space, TrialConfig config)
    {
        if (space.Decay.All(b => b.Type != config.Decay.Type))
        {
            return null;
        }
        var root = JsonSerializer.SerializeToNode(config, HyperJson.Options)!.AsObject();
        var values = new Dictionary<string, JsonNode>();
        foreach (var dim in space.DimensionsOf(config.Decay.Type))
        {
            // Inactive under the values read so far: the trial never had it (a stray value is ignored).
            if (!dim.IsActive(values))
            {
                continue;
            }
            var node = dim.Name is null ? root[dim.Section] : root[dim.Section]?[dim.Name];
            if (node is null && dim.Section == "warmup" && root["warmup"] is null)
            {
                // A trial without warmup was sampled with steps = 0; its other warmup values were
                // dropped with it, so any in-range stand-in will do.
                node = dim.Name == "steps" ? JsonValue.Create(0) : RepresentativeOf(dim.Distribution);
            }
            node ??= dim.Distribution is FixedDistribution f ? f.Value : null;
            if (node is null)
            {
                return null;
            }
            values[dim.Path] = node.DeepClone();
        }
        return new SpacePoint(config.Decay.Type, values);
    }

    private static JsonNode RepresentativeOf(Distribution distribution) => distribution switch
    {
        FloatDistribution d => JsonValue.Create(d.Low),
        IntDistribution d => JsonValue.Create(d.Low),
        CategoricalDistribution d => d.Choices[0],
        FixedDistribution d => d.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
    };
}
