using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Schedules;

/// <summary>
/// Semantic checks of one trial config, shared by the trainer, the CLI and the launch form. Every
/// problem is reported with its JSON path (<c>decay.tMax: must be ≥ 1</c>). The ranges are the ones
/// where PyTorch 1.13 accepts the arguments and computes a finite schedule.
/// </summary>
public static class TrialConfigValidator
{
    public static IReadOnlyList<ValidationError> Validate(TrialConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ValidationError>();
        Positive(errors, "initialLr", config.InitialLr);
        if (config.Decay is null)
        {
            errors.Add(new("decay", "is required"));
        }
        else
        {
            ValidateDecay(errors, config.Decay);
        }

        if (config.Warmup is { } warmup)
        {
            AtLeast(errors, "warmup.steps", warmup.Steps, 1);
            Factor(errors, "warmup.startFactor", warmup.StartFactor, allowZero: false);
        }

        if (config.Optimizer is { } optimizer)
        {
            ValidateOptimizer(errors, optimizer);
        }

        if (config.BatchSize is { } batchSize)
        {
            AtLeast(errors, "batchSize", batchSize, 1);
            if (batchSize > Space.TrialParameters.MaxBatchSize) errors.Add(new("batchSize", $"must be ≤ {Space.TrialParameters.MaxBatchSize}; got {batchSize}"));
        }

        foreach (var (name, value) in config.Params ?? new Dictionary<string, double>())
        {
            if ((double.IsFinite(value) ? Space.TrialParameters.Generic(name).Check(value) : "must be a finite number") is { } problem)
                errors.Add(new($"params.{name}", $"{problem}; got {value}"));
        }

        if (config.GradClipNorm is { } clip)
        {
            Positive(errors, "gradClipNorm", clip);
        }

        if (config.GradClipValue is { } clipValue)
        {
            Positive(errors, "gradClipValue", clipValue);
        }

        if (config.LayerLrMultipliers is { } multipliers)
        {
            for (var i = 0; i < multipliers.Count; i++)
            {
                NonNegative(errors, $"layerLrMultipliers[{i}]", multipliers[i]);
            }
        }

        return errors;
    }

    // Each decay type's parameters, intervals and joint rules are in its descriptor (Schedules/Decays).
    private static void ValidateDecay(List<ValidationError> errors, DecaySpec decay) =>
        DecayCatalog.Of(decay).Validate(decay, errors);

    private static void ValidateOptimizer(List<ValidationError> errors, OptimizerSpec o)
    {
        if (!Enum.IsDefined(o.Type))
        {
            errors.Add(new("optimizer.type", $"unknown optimizer '{o.Type}'"));
        }

        if (!(o.Momentum >= 0 && o.Momentum < 1))
        {
            errors.Add(new("optimizer.momentum", $"must be in [0, 1); got {o.Momentum}"));
        }

        if (o.Nesterov && o.Momentum == 0)
        {
            errors.Add(new("optimizer.nesterov", "needs momentum > 0"));
        }

        // PyTorch's SGD refuses the pair: Nesterov's look-ahead assumes an undamped buffer.
        if (o.Nesterov && o.Dampening != 0)
        {
            errors.Add(new("optimizer.nesterov", "needs dampening = 0"));
        }

        Factor(errors, "optimizer.dampening", o.Dampening, allowZero: true);
        NonNegative(errors, "optimizer.weightDecay", o.EffectiveWeightDecay);
        UnitInterval(errors, "optimizer.beta1", o.Beta1);
        UnitInterval(errors, "optimizer.beta2", o.Beta2);
        Positive(errors, "optimizer.eps", o.EffectiveEps);
        UnitInterval(errors, "optimizer.alpha", o.Alpha);
        NonNegative(errors, "optimizer.lrDecay", o.LrDecay);
        NonNegative(errors, "optimizer.initialAccumulatorValue", o.InitialAccumulatorValue);
    }

    private static void Positive(List<ValidationError> errors, string path, double value)
    {
        if (!(double.IsFinite(value) && value > 0))
        {
            errors.Add(new(path, $"must be a finite number > 0; got {value}"));
        }
    }

    private static void NonNegative(List<ValidationError> errors, string path, double value)
    {
        if (!(double.IsFinite(value) && value >= 0))
        {
            errors.Add(new(path, $"must be a finite number ≥ 0; got {value}"));
        }
    }

    private static void UnitInterval(List<ValidationError> errors, string path, double value)
    {
        if (!(value >= 0 && value < 1))
        {
            errors.Add(new(path, $"must be in [0, 1); got {value}"));
        }
    }

    /// <summary>A multiplicative factor: (0, 1], or [0, 1] when zero is allowed.</summary>
    private static void Factor(List<ValidationError> errors, string path, double value, bool allowZero)
    {
        var ok = (allowZero ? value >= 0 : value > 0) && value <= 1;
        if (!ok)
        {
            errors.Add(new(path, $"must be in {(allowZero ? "[0" : "(0")}, 1]; got {value}"));
        }
    }

    private static void AtLeast(List<ValidationError> errors, string path, int value, int min)
    {
        if (value < min)
        {
            errors.Add(new(path, $"must be ≥ {min}; got {value}"));
        }
    }
}
