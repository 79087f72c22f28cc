using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>Writes a space in the explicit object form (every distribution with its "type"), which Parse reads back.</summary>
internal static class SpaceWriter
{
    public static JsonObject Write(SearchSpace space)
    {
        var root = new JsonObject
        {
            ["initialLr"] = Write(space.InitialLr),
            ["decay"] = new JsonObject(space.Decay.Select(b =>
                KeyValuePair.Create(b.Type, (JsonNode?)Section(b.Params)))),
        };
        if (space.Warmup is { } warmup)
        {
            root["warmup"] = Section(warmup);
        }
        if (space.Optimizer is { } optimizer)
        {
            root["optimizer"] = Section(optimizer);
        }
        if (space.BatchSize is { } batch)
        {
            root["batchSize"] = Write(batch);
        }
        if (space.Params is { } ps)
        {
            root["params"] = Section(ps);
        }
        if (space.Pbt is { } pbt)
        {
            root["pbt"] = new JsonObject
            {
                ["population"] = pbt.Population,
                ["interval"] = pbt.Interval,
                ["fraction"] = pbt.Fraction,
                ["perturbFactors"] = new JsonArray(pbt.PerturbFactors.Select(f => (JsonNode?)f).ToArray()),
            };
        }
        return root;
    }

    private static JsonObject Section(IReadOnlyList<SpaceParam> ps) =>
        new(ps.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)Write(p))));

    private static JsonObject Write(SpaceParam p)
    {
        var o = Write(p.Distribution);
        if (p.When is { Count: > 0 } when)
        {
            o["when"] = new JsonObject(when.Select(c => KeyValuePair.Create(c.Parent, Write(c))));
        }
        return o;
    }

    private static JsonNode? Write(SpaceCondition c)
    {
        if (c.Values is { } values)
        {
            return new JsonArray(values.Select(v => v.DeepClone()).ToArray());
        }
        var o = new JsonObject();
        if (c.Min is { } min) o["min"] = min;
        if (c.Max is { } max) o["max"] = max;
        return o;
    }

    public static JsonObject Write(Distribution distribution)
    {
        var o = new JsonObject { ["type"] = distribution.Kind };
        switch (distribution)
        {
            case FloatDistribution f:
                o["low"] = f.Low;
                o["high"] = f.High;
                o["log"] = f.Log;
                if (f.Step is { } step)
                {
                    o["step"] = step;
                }
                break;
            case IntDistribution i:
                o["low"] = i.Low;
                o["high"] = i.High;
                o["log"] = i.Log;
                if (i.Step != 1)
                {
                    o["step"] = i.Step;
                }
                break;
            case CategoricalDistribution c:
                o["choices"] = new JsonArray(c.Choices.Select(x => x.DeepClone()).ToArray());
                break;
            case FixedDistribution x:
                o["value"] = x.Value.DeepClone();
                break;
        }
        return o;
    }
}
