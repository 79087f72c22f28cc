using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules.Decays;

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
    private static ISequentialLrScheduler CreateMain(ParamGroup group, DecaySpec decay, double initialLr) =>
        DecayCatalog.Of(decay).CreateScheduler(group, decay, initialLr);
}
