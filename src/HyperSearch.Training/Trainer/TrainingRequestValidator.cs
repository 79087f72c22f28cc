using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Devices;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// What the trainer itself needs to be true of a request (workload, device, sizes, optimizer and
/// per-layer settings). Schedule parameters are the schedule validator's business (Core).
/// </summary>
public static class TrainingRequestValidator
{
    public static IReadOnlyList<ValidationError> Validate(TrainingRequest request, WorkloadRegistry registry)
    {
        var errors = new List<ValidationError>();
        if (!registry.TryGet(request.Workload ?? "", out var workload))
        {
            errors.Add(new("workload", $"unknown workload '{request.Workload}' (known: {string.Join(", ", registry.Names)})"));
        }

        if (DeviceCatalog.Check(request.Device) is { } deviceProblem)
        {
            errors.Add(new("device", deviceProblem));
        }

        if (request.Epochs < 1)
        {
            errors.Add(new("epochs", "must be at least 1"));
        }

        if (request.Threads < 1)
        {
            errors.Add(new("threads", "must be at least 1"));
        }

        if (request.Config is null)
        {
            errors.Add(new("config", "is required"));
            return errors;
        }

        ValidateConfig(request.Config, workload, errors);
        return errors;
    }

    private static void ValidateConfig(TrialConfig config, IWorkload? workload, List<ValidationError> errors)
    {
        if (!(config.InitialLr > 0) || !double.IsFinite(config.InitialLr))
        {
            errors.Add(new("config.initialLr", "must be a finite number > 0"));
        }

        if (config.Decay is null)
        {
            errors.Add(new("config.decay", "is required"));
        }

        if (config.BatchSize is < 1)
        {
            errors.Add(new("config.batchSize", "must be at least 1"));
        }

        if (config.GradClipNorm is { } clip && (!(clip > 0) || !double.IsFinite(clip)))
        {
            errors.Add(new("config.gradClipNorm", "must be a finite number > 0 (leave it out for no clipping)"));
        }

        if (config.LayerLrMultipliers is { } multipliers)
        {
            for (var i = 0; i < multipliers.Count; i++)
            {
                if (!(multipliers[i] >= 0) || !double.IsFinite(multipliers[i]))
                {
                    errors.Add(new($"config.layerLrMultipliers[{i}]", "must be a finite number ≥ 0"));
                }
            }

            if (workload is not null && multipliers.Count > workload.Model.LayerCount)
            {
                errors.Add(new("config.layerLrMultipliers",
                    $"has {multipliers.Count} entries but workload '{workload.Name}' has {workload.Model.LayerCount} layers"));
            }
        }

        if (config.Optimizer is { } optimizer)
        {
            ValidateOptimizer(optimizer, errors);
        }
    }

    private static void ValidateOptimizer(OptimizerSpec optimizer, List<ValidationError> errors)
    {
        if (!Enum.IsDefined(optimizer.Type))
        {
            errors.Add(new("config.optimizer.type", $"unknown optimizer {optimizer.Type}"));
        }

        if (!(optimizer.Momentum >= 0) || !double.IsFinite(optimizer.Momentum))
        {
            errors.Add(new("config.optimizer.momentum", "must be ≥ 0"));
        }

        if (optimizer.Nesterov && (optimizer.Type != OptimizerType.Sgd || !(optimizer.Momentum > 0)))
        {
            errors.Add(new("config.optimizer.nesterov", "needs type sgd and momentum > 0"));
        }

        if (!(optimizer.WeightDecay >= 0) || !double.IsFinite(optimizer.WeightDecay))
        {
            errors.Add(new("config.optimizer.weightDecay", "must be ≥ 0"));
        }

        if (!(optimizer.Beta1 is >= 0 and < 1))
        {
            errors.Add(new("config.optimizer.beta1", "must be in [0, 1)"));
        }

        if (!(optimizer.Beta2 is >= 0 and < 1))
        {
            errors.Add(new("config.optimizer.beta2", "must be in [0, 1)"));
        }

        if (!(optimizer.Eps > 0))
        {
            errors.Add(new("config.optimizer.eps", "must be > 0"));
        }

        if (!(optimizer.Alpha is >= 0 and <= 1))
        {
            errors.Add(new("config.optimizer.alpha", "must be in [0, 1]"));
        }
    }
}
