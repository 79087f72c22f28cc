using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// PBT's explore step: the initial LR and every numeric decay parameter the space searches are
/// multiplied by one of the perturbation factors and clipped to their range (integers move by at
/// least one). Everything else (decay type, warmup, optimizer, batch size) is kept, so the copied
/// checkpoint still fits the model and optimizer.
/// </summary>
internal static class PbtExplorer
{
    public static TrialConfig Perturb(SearchSpace space, TrialConfig config, IReadOnlyList<double> factors, SeededRandom rng)
    {
        var point = SpacePoint.FromConfig(space, config with { Pbt = null })
            ?? throw new ArgumentException("the config does not fit the space", nameof(config));
        var values = new Dictionary<string, JsonNode>(point.Values);
        foreach (var dim in space.DimensionsOf(point.DecayType).Where(d => d.Path == "initialLr" || d.Section == "decay"))
        {
            var factor = factors[rng.NextInt(factors.Count)];
            if (SpaceValues.AsNumber(values[dim.Path]) is not { } value) continue;
            switch (dim.Distribution)
            {
                case FloatDistribution f:
                    values[dim.Path] = JsonValue.Create(PerturbFloat(f, value, factor));
                    break;
                case IntDistribution i:
                    values[dim.Path] = JsonValue.Create(PerturbInt(i, (int)value, factor));
                    break;
            }
        }
        return new SpacePoint(point.DecayType, values).ToConfig(space);
    }

    private static double PerturbFloat(FloatDistribution d, double value, double factor)
    {
        var v = Math.Clamp(value * factor, d.Low, d.High);
        if (d.Step is { } step)
        {
            v = Math.Clamp(d.Low + Math.Round((v - d.Low) / step) * step, d.Low, d.High);
        }
        return v;
    }

    private static int PerturbInt(IntDistribution d, int value, double factor)
    {
        var v = (int)Math.Round(value * factor);
        if (v == value && factor != 1)
        {
            v += factor > 1 ? d.Step : -d.Step;
        }
        v = d.Low + (int)Math.Round((double)(v - d.Low) / d.Step) * d.Step;
        return Math.Clamp(v, d.Low, d.EffectiveHigh);
    }
}
