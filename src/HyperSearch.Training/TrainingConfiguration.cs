using HyperSearch.Core.Settings;
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

    /// <summary>The checkpoint store; a <see cref="SettingsException"/> names a mistyped key.</summary>
    public static CheckpointStore Checkpoints(IConfiguration configuration)
    {
        var section = configuration.GetSection(CheckpointOptions.Section);
        var settings = new SettingsReader(CheckpointOptions.Section, name => section[name]);
        var defaults = new CheckpointOptions();
        var options = defaults with
        {
            Directory = settings.Text("Directory") ?? defaults.Directory,
            EveryEpochs = settings.PositiveInteger("EveryEpochs", defaults.EveryEpochs),
        };
        settings.ThrowIfAny();
        return new CheckpointStore(options);
    }
}
