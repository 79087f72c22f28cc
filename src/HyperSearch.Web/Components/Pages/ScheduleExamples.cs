using HyperSearch.Core.Configuration;

namespace HyperSearch.Web.Components.Pages;

/// <summary>A typical configuration of each decay type, the playground's starting point.</summary>
internal static class ScheduleExamples
{
    public static DecaySpec For(string type, int steps) => type switch
    {
        DecayTypes.Step => new StepDecay { StepSize = Math.Max(1, steps / 4), Gamma = 0.5 },
        DecayTypes.MultiStep => new MultiStepDecay { Milestones = [steps / 2, steps * 3 / 4], Gamma = 0.1 },
        DecayTypes.Exponential => new ExponentialDecay { Gamma = 0.95 },
        DecayTypes.Cosine => new CosineDecay { TMax = steps, EtaMin = 0 },
        DecayTypes.CosineWarmRestarts => new CosineWarmRestartsDecay { T0 = Math.Max(1, steps / 7), TMult = 2 },
        DecayTypes.Polynomial => new PolynomialDecay { TotalIters = steps, Power = 2 },
        DecayTypes.Linear => new LinearDecay { StartFactor = 1, EndFactor = 0.05, TotalIters = steps },
        DecayTypes.InverseTime => new InverseTimeDecay { DecayRate = 0.1 },
        DecayTypes.OneCycle => new OneCycleDecay { TotalSteps = steps },
        DecayTypes.Cyclic => new CyclicDecay { BaseLr = 0.001, MaxLr = 0.1, StepSizeUp = Math.Max(1, steps / 8), Mode = "triangular2" },
        DecayTypes.ReduceOnPlateau => new ReduceOnPlateauDecay { Factor = 0.5, Patience = 5 },
        _ => new ConstantDecay(),
    };
}
