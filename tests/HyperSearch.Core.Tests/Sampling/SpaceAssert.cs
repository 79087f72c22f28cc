using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Sampling;

/// <summary>Checks that a config is a point of the space: its decay branch exists and every value lies in its distribution.</summary>
internal static class SpaceAssert
{
    public static void Contains(SearchSpace space, TrialConfig config)
    {
        Assert.Contains(space.Decay, b => b.Type == config.Decay.Type);
        var point = SpacePoint.FromConfig(space, config);
        Assert.NotNull(point);
        foreach (var dim in space.DimensionsOf(point.DecayType))
        {
            Assert.True(IsInside(dim.Distribution, point.Values[dim.Path]), $"{dim.Path} = {point.Values[dim.Path].ToJsonString()} is outside its distribution");
        }
    }

    private static bool IsInside(Distribution distribution, JsonNode value)
    {
        switch (distribution)
        {
            case FloatDistribution f:
                var x = SpaceValues.AsNumber(value)!.Value;
                var onStep = f.Step is not { } step || Math.Abs((x - f.Low) / step - Math.Round((x - f.Low) / step)) < 1e-6;
                return x >= f.Low && x <= f.High && onStep;
            case IntDistribution i:
                var v = SpaceValues.AsNumber(value)!.Value;
                return v == Math.Floor(v) && v >= i.Low && v <= i.High && (v - i.Low) % i.Step == 0;
            case CategoricalDistribution c:
                return c.IndexOf(value) >= 0;
            case FixedDistribution fixedValue:
                return SpaceValues.AreEqual(fixedValue.Value, value);
            default:
                return false;
        }
    }
}
