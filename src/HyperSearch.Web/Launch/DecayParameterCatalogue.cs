using HyperSearch.Core.Configuration;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Sensible default ranges per decay type, scaled to the number of epochs (periods and milestones
/// only make sense relative to the run length).
/// Kept apart from Core's ParameterCatalogue because these ranges follow the epochs field as the
/// user edits it; Core's are fixed. Folding the scaling into Core would unify the two.
/// </summary>
public static class DecayParameterCatalogue
{
    public static List<DecayChoice> CreateAll(int epochs) =>
        [.. DecayTypes.All.Select(type => new DecayChoice { Type = type, Parameters = Defaults(type, epochs) })];

    public static bool AreDefaults(DecayChoice decay, int epochs)
    {
        var defaults = Defaults(decay.Type, epochs);
        return defaults.Count == decay.Parameters.Count && defaults.Zip(decay.Parameters).All(pair =>
            pair.First.Name == pair.Second.Name
            && LaunchSpecWriter.Distribution(pair.First).ToJsonString() == LaunchSpecWriter.Distribution(pair.Second).ToJsonString());
    }

    public static List<ParamRange> Defaults(string decayType, int epochs)
    {
        var e = Math.Max(2, epochs);
        return decayType switch
        {
            DecayTypes.Step => [ParamRange.Int("stepSize", Math.Max(1, e / 10), Math.Max(2, e / 2)), ParamRange.Float("gamma", 0.1, 0.9)],
            DecayTypes.MultiStep => [ParamRange.Fixed("milestones", $"[{e / 2}, {3 * e / 4}]"), ParamRange.Float("gamma", 0.1, 0.5)],
            DecayTypes.Exponential => [ParamRange.Float("gamma", 0.8, 0.99)],
            DecayTypes.Cosine => [ParamRange.Fixed("tMax", e.ToString()), ParamRange.Fixed("etaMin", "0")],
            DecayTypes.CosineWarmRestarts => [ParamRange.Int("t0", Math.Max(1, e / 10), Math.Max(2, e / 3)), ParamRange.Choice("tMult", "1, 2"), ParamRange.Fixed("etaMin", "0")],
            DecayTypes.Polynomial => [ParamRange.Fixed("totalIters", e.ToString()), ParamRange.Float("power", 0.5, 3)],
            DecayTypes.Linear => [ParamRange.Fixed("startFactor", "1"), ParamRange.Float("endFactor", 0.01, 0.5, log: true), ParamRange.Fixed("totalIters", e.ToString())],
            DecayTypes.InverseTime => [ParamRange.Float("decayRate", 0.01, 1, log: true)],
            DecayTypes.OneCycle => [ParamRange.Fixed("totalSteps", e.ToString()), ParamRange.Float("pctStart", 0.1, 0.5), ParamRange.Fixed("divFactor", "25")],
            DecayTypes.Cyclic => [ParamRange.Float("maxLr", 0.01, 1, log: true), ParamRange.Int("stepSizeUp", Math.Max(1, e / 10), Math.Max(2, e / 4)), ParamRange.Choice("mode", "triangular, triangular2")],
            DecayTypes.ReduceOnPlateau => [ParamRange.Float("factor", 0.1, 0.5), ParamRange.Int("patience", 1, Math.Max(2, e / 5))],
            _ => [],
        };
    }
}
