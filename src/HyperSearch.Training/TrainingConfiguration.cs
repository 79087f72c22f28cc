using HyperSearch.Core.Settings;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Command;
using HyperSearch.Training.Plugins;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Training;

/// <summary>
/// The trainer's part of appsettings.json, read in one place for the dashboard, the worker and the CLI:
/// dataset paths, plug-in workloads (<c>HyperSearch:Workloads:Plugins</c>), command workloads
/// (<c>HyperSearch:Workloads:Commands</c>) and the checkpoint store (<c>HyperSearch:Checkpoints</c>).
/// </summary>
public static class TrainingConfiguration
{
    public static WorkloadOptions Workloads(IConfiguration configuration)
    {
        var options = new WorkloadOptions();
        return configuration[WorkloadOptions.FashionMnistPathKey] is { Length: > 0 } path ? options with { FashionMnistPath = path } : options;
    }

    /// <summary>The built-in workloads, the plug-ins' and the commands.</summary>
    /// <exception cref="SettingsException">A command workload's settings are wrong (<see cref="Problems"/> reports them before start-up).</exception>
    public static WorkloadRegistry Registry(IConfiguration configuration)
    {
        var options = Workloads(configuration);
        var registry = WorkloadRegistry.CreateDefault(options);
        var commands = Commands(configuration);
        var plugins = configuration.GetSection(WorkloadPlugins.Section).GetChildren().Select(c => c.Value ?? "").ToList();
        if (configuration[WorkloadPlugins.Section] is { Length: > 0 } single)
        {
            plugins.Add(single);
        }

        WorkloadPlugins.Load(registry, plugins, options);
        foreach (var command in commands)
        {
            if (registry.TryGet(command.Name, out _))
            {
                // Only a plug-in can take a name the settings check let through; the plug-in keeps it.
                registry.AddPluginError($"{command.Source}:Name: '{command.Name}' is also a plug-in's workload; the command is not registered");
                continue;
            }

            registry.Add(command);
        }

        return registry;
    }

    /// <summary>The worker's trainer: command workloads run their program, the others train with TorchSharp.</summary>
    public static ITrainer Trainer(WorkloadRegistry registry, CheckpointStore? checkpoints) =>
        new WorkloadDispatcher(registry, new TorchTrainer(registry, checkpoints: checkpoints), new CommandTrainer(registry, checkpoints));

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

    /// <summary>The command workloads; a <see cref="SettingsException"/> names every wrong key.</summary>
    public static IReadOnlyList<CommandWorkload> Commands(IConfiguration configuration) =>
        CommandWorkloadSettings.Read(configuration, WorkloadRegistry.CreateDefault().Names);

    /// <summary>Everything wrong in the trainer's settings (checkpoints, command workloads), one line each, for the start-up checks.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration) =>
    [
        .. SettingsException.Of(() => Checkpoints(configuration)),
        .. SettingsException.Of(() => Commands(configuration)),
    ];
}
