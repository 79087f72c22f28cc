using HyperSearch.Core.Configuration;
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
        }

        if (config.GradClipNorm is { } clip)
        {
            Positive(errors, "gradClipNorm", clip);
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

    private static void ValidateDecay(List<ValidationError> errors, DecaySpec decay)
    {
        switch (decay)
        {
            case StepDecay d:
                AtLeast(errors, "decay.stepSize", d.StepSize, 1);
                Factor(errors, "decay.gamma", d.Gamma, allowZero: false);
                break;
            case MultiStepDecay d:
                ValidateMilestones(errors, d.Milestones);
                Factor(errors, "decay.gamma", d.Gamma, allowZero: false);
                break;
            case ExponentialDecay d:
                Factor(errors, "decay.gamma", d.Gamma, allowZero: false);
                break;
            case CosineDecay d:
                AtLeast(errors, "decay.tMax", d.TMax, 1);
                NonNegative(errors, "decay.etaMin", d.EtaMin);
                break;
            case CosineWarmRestartsDecay d:
                AtLeast(errors, "decay.t0", d.T0, 1);
                AtLeast(errors, "decay.tMult", d.TMult, 1);
                NonNegative(errors, "decay.etaMin", d.EtaMin);
                break;
            case PolynomialDecay d:
                AtLeast(errors, "decay.totalIters", d.TotalIters, 1);
                NonNegative(errors, "decay.power", d.Power);
                break;
            case LinearDecay d:
                Factor(errors, "decay.startFactor", d.StartFactor, allowZero: false);
                Factor(errors, "decay.endFactor", d.EndFactor, allowZero: true);
                AtLeast(errors, "decay.totalIters", d.TotalIters, 1);
                break;
            case InverseTimeDecay d:
                NonNegative(errors, "decay.decayRate", d.DecayRate);
                break;
            case OneCycleDecay d:
                ValidateOneCycle(errors, d);
                break;
            case CyclicDecay d:
                ValidateCyclic(errors, d);
                break;
            case ReduceOnPlateauDecay d:
                ValidatePlateau(errors, d);
                break;
        }
    }

    private static void ValidateMilestones(List<ValidationError> errors, IReadOnlyList<int>? milestones)
    {
        if (milestones is null)
        {
            errors.Add(new("decay.milestones", "is required"));
            return;
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            AtLeast(errors, $"decay.milestones[{i}]", milestones[i], 1);
            if (i > 0 && milestones[i] <= milestones[i - 1])
            {
                errors.Add(new($"decay.milestones[{i}]", $"must be greater than the previous milestone ({milestones[i - 1]})"));
            }
        }
    }

    private static void ValidateOneCycle(List<ValidationError> errors, OneCycleDecay d)
    {
        if (d.MaxLr is { } maxLr)
        {
            Positive(errors, "decay.maxLr", maxLr);
        }

        AtLeast(errors, "decay.totalSteps", d.TotalSteps, 1);
        if (!(d.PctStart >= 0 && d.PctStart <= 1))
        {
            errors.Add(new("decay.pctStart", "must be between 0 and 1"));
        }
        else if (d.PctStart * d.TotalSteps - 1 == 0)
        {
            // PyTorch divides by the first phase's length, pctStart·totalSteps − 1, at step 0.
            errors.Add(new("decay.pctStart", $"pctStart·totalSteps must not be exactly 1 (the warm-up phase would be empty); got {d.PctStart}·{d.TotalSteps}"));
        }

        OneOf(errors, "decay.annealStrategy", d.AnnealStrategy, "cos", "linear");
        Positive(errors, "decay.divFactor", d.DivFactor);
        Positive(errors, "decay.finalDivFactor", d.FinalDivFactor);
    }

    private static void ValidateCyclic(List<ValidationError> errors, CyclicDecay d)
    {
        if (d.BaseLr is { } baseLr)
        {
            Positive(errors, "decay.baseLr", baseLr);
        }

        Positive(errors, "decay.maxLr", d.MaxLr);
        AtLeast(errors, "decay.stepSizeUp", d.StepSizeUp, 1);
        if (d.StepSizeDown is { } down)
        {
            AtLeast(errors, "decay.stepSizeDown", down, 1);
        }

        OneOf(errors, "decay.mode", d.Mode, "triangular", "triangular2", "expRange");
        Factor(errors, "decay.gamma", d.Gamma, allowZero: false);
    }

    private static void ValidatePlateau(List<ValidationError> errors, ReduceOnPlateauDecay d)
    {
        if (!(d.Factor >= 0 && d.Factor < 1))
        {
            errors.Add(new("decay.factor", $"must be in [0, 1); got {d.Factor}"));
        }

        AtLeast(errors, "decay.patience", d.Patience, 0);
        NonNegative(errors, "decay.threshold", d.Threshold);
        OneOf(errors, "decay.thresholdMode", d.ThresholdMode, "rel", "abs");
        AtLeast(errors, "decay.cooldown", d.Cooldown, 0);
        NonNegative(errors, "decay.minLr", d.MinLr);
    }

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

        NonNegative(errors, "optimizer.weightDecay", o.WeightDecay);
        UnitInterval(errors, "optimizer.beta1", o.Beta1);
        UnitInterval(errors, "optimizer.beta2", o.Beta2);
        Positive(errors, "optimizer.eps", o.Eps);
        UnitInterval(errors, "optimizer.alpha", o.Alpha);
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

    private static void OneOf(List<ValidationError> errors, string path, string? value, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(new(path, $"must be one of {string.Join(", ", allowed)}; got '{value}'"));
        }
    }
}
