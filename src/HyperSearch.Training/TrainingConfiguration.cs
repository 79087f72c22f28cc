using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Plugins;
using HyperSearch.Training.Workloads;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Training;

/// <summary>
/// The trainer's part of appsettings.json, read in one place for the dashboard, the worker and the CLI:
/// dataset paths, plug-in workloads (<c>HyperSearch:Workloads:Plugins</c>) and the checkpoint store
/// (<c>HyperSearch:Checkpoints</c>).
/// </summary>
public static class TrainingConfiguration
{
    public static WorkloadOptions Workloads(IConfiguration configuration)
    {
        var options = new WorkloadOptions();
        return configuration[WorkloadOptions.FashionMnistPathKey] is { Length: > 0 } path ? options with { FashionMnistPath = path } : options;
    }

    /// <summary>The built-in workloads plus the plug-ins'.</summary>
    public static WorkloadRegistry Registry(IConfiguration configuration)
    {
        var options = Workloads(configuration);
        var registry = WorkloadRegistry.CreateDefault(options);
        var plugins = configuration.GetSection(WorkloadPlugins.Section).GetChildren().Select(c => c.Value ?? "").ToList();
        if (configuration[WorkloadPlugins.Section] is { Length: > 0 } single)
        {
            plugins.Add(single);
        }

        WorkloadPlugins.Load(registry, plugins, options);
        return registry;
    }

    public static CheckpointStore Checkpoints(IConfiguration configuration)
    {
        var section = configuration.GetSection(CheckpointOptions.Section);
        var options = new CheckpointOptions();
        if (section["Directory"] is { Length: > 0 } directory)
        {
            options = options with { Directory = directory };
        }

        if (section["EveryEpochs"] is { Length: > 0 } every)
        {
            options = options with
            {
                EveryEpochs = int.TryParse(every, out var n) && n >= 1
                    ? n
                    : throw new ArgumentException($"{CheckpointOptions.Section}:EveryEpochs: must be an integer ≥ 1; got '{every}'"),
            };
        }

        return new CheckpointStore(options);
    }
}
