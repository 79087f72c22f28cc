using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Schedules;

/// <summary>Builds the PyTorch-equivalent scheduler (warmup included) for a trial config.</summary>
public static class LrSchedulerFactory
{
    /// <summary>
    /// A fresh scheduler positioned at step 0: <see cref="ILrScheduler.CurrentLr"/> is the LR of the
    /// first step. Throws <see cref="InvalidTrialConfigException"/> (every problem, with its path)
    /// when <see cref="TrialConfigValidator"/> rejects the config.
    /// </summary>
    public static ILrScheduler Create(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = TrialConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new InvalidTrialConfigException(errors);
        }

        var group = new ParamGroup(config.InitialLr);
        if (config.Warmup is not { } warmup)
        {
            return CreateMain(group, config.Decay, config.InitialLr);
        }

        // Same construction order as SequentialLR([LinearLR(...), main], ...): the LinearLR first,
        // so it is the one that records the group's initial LR.
        var linear = new LinearLrScheduler(group, warmup.StartFactor, 1.0, warmup.Steps);
        var main = CreateMain(group, config.Decay, config.InitialLr);
        return new WarmupLrScheduler(group, linear, main, warmup.Steps);
    }

    // initialLr, not group.Lr: after the warmup's first step the group holds initialLr·startFactor.
    private static ISequentialLrScheduler CreateMain(ParamGroup group, DecaySpec decay, double initialLr) => decay switch
    {
        ConstantDecay => new ConstantLrScheduler(group),
        StepDecay d => new StepLrScheduler(group, d.StepSize, d.Gamma),
        MultiStepDecay d => new MultiStepLrScheduler(group, d.Milestones, d.Gamma),
        ExponentialDecay d => new ExponentialLrScheduler(group, d.Gamma),
        CosineDecay d => new CosineAnnealingLrScheduler(group, d.TMax, d.EtaMin),
        CosineWarmRestartsDecay d => new CosineWarmRestartsLrScheduler(group, d.T0, d.TMult, d.EtaMin),
        PolynomialDecay d => new PolynomialLrScheduler(group, d.TotalIters, d.Power),
        LinearDecay d => new LinearLrScheduler(group, d.StartFactor, d.EndFactor, d.TotalIters),
        InverseTimeDecay d => new InverseTimeLrScheduler(group, d.DecayRate),
        OneCycleDecay d => new OneCycleLrScheduler(
            group, d.MaxLr ?? initialLr, d.TotalSteps, d.PctStart, d.AnnealStrategy == "cos",
            d.DivFactor, d.FinalDivFactor, d.ThreePhase),
        CyclicDecay d => new CyclicLrScheduler(
            group, d.BaseLr ?? initialLr, d.MaxLr, d.StepSizeUp, d.StepSizeDown, ParseMode(d.Mode), d.Gamma),
        ReduceOnPlateauDecay d => new ReduceOnPlateauLrScheduler(
            group, d.Factor, d.Patience, d.Threshold, d.ThresholdMode == "rel", d.Cooldown, d.MinLr),
        _ => throw new ArgumentException($"unknown decay type '{decay.Type}'", nameof(decay)),
    };

    private static CyclicMode ParseMode(string mode) => mode switch
    {
        "triangular" => CyclicMode.Triangular,
        "triangular2" => CyclicMode.Triangular2,
        _ => CyclicMode.ExpRange,
    };
}
