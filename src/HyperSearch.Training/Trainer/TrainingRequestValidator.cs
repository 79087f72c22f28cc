using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Devices;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// Everything wrong with a training request, each with its field path: the request's own fields
/// (workload, device, epochs, threads), the config through Core's <see cref="TrialConfigValidator"/>
/// (paths prefixed with <c>config.</c>), and what depends on the workload's model.
/// </summary>
public static class TrainingRequestValidator
{
    /// <summary>
    /// More OpenMP threads than this only thrash; a typo like 100000 would make the runtime try to
    /// spawn them all and abort the process, which no error code can report.
    /// </summary>
    public const int MaxThreads = 1024;

    public static IReadOnlyList<ValidationError> Validate(TrainingRequest request, WorkloadRegistry registry)
    {
        var errors = new List<ValidationError>();
        if (!registry.TryGet(request.Workload ?? "", out var workload))
        {
            errors.Add(new("workload", registry.UnknownMessage(request.Workload)));
        }

        if (DeviceCatalog.Check(request.Device) is { } deviceProblem)
        {
            errors.Add(new("device", deviceProblem));
        }

        ValidateRun(request, errors, workload is null ? null : WorkloadRegistry.Info(workload));
        return errors;
    }

    /// <summary>
    /// What every trainer checks, whichever runs the workload: epochs, threads and the config, and the
    /// config's <c>params</c> and <c>batchSize</c> against what <paramref name="workload"/> declares — a
    /// search launched before the declaration, a re-run's edited config or a CLI run is refused here
    /// naming the field, instead of training with a value the model silently ignores.
    /// </summary>
    public static void ValidateRun(TrainingRequest request, List<ValidationError> errors, WorkloadInfo? workload = null)
    {
        if (request.Epochs < 1)
        {
            errors.Add(new("epochs", "must be at least 1"));
        }

        if (request.Threads is < 1 or > MaxThreads)
        {
            errors.Add(new("threads", $"must be between 1 and {MaxThreads}; got {request.Threads}"));
        }

        if (request.Config is null)
        {
            errors.Add(new("config", "is required"));
            return;
        }

        ValidateConfig(request.Config, errors);
        if (workload is not null)
        {
            // A field the config's own rules already refused (a batch size of 0) is named once.
            var reported = errors.Select(e => e.Path).ToHashSet();
            errors.AddRange(DeclaredParameterCheck.CheckConfig(request.Config, workload)
                .Select(e => e with { Path = "config." + e.Path }).Where(e => !reported.Contains(e.Path)));
        }
    }

    private static void ValidateConfig(TrialConfig config, List<ValidationError> errors)
    {
        // The config's own rules (LR, schedule, optimizer ranges, batch size, clipping) are Core's.
        errors.AddRange(TrialConfigValidator.Validate(config).Select(e => e with { Path = "config." + e.Path }));

        // What only the trainer knows: which optimizer has Nesterov. (The model's layer count is checked
        // once the model exists, by the training session.)
        if (config.Optimizer is { Nesterov: true, Type: not OptimizerType.Sgd } optimizer)
        {
            errors.Add(new("config.optimizer.nesterov", $"applies to sgd only, not {optimizer.Type}"));
        }
    }
}
