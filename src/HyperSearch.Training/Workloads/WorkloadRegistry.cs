using HyperSearch.Core.Training;
using HyperSearch.Training.Command;

namespace HyperSearch.Training.Workloads;

/// <summary>
/// Names → workloads, for the worker, the dashboard and the CLI: the built-ins, those of the plug-in
/// assemblies and the command workloads (a team's own program) named in appsettings.json. One name
/// space for both kinds: a name is a C# <see cref="IWorkload"/> or a <see cref="CommandWorkload"/>, never
/// both. Register at start-up (before trials run); lookups are then read-only and safe from any thread.
/// A plug-in that failed to load is remembered, so a trial naming one of its workloads fails with the
/// reason instead of a bare "unknown workload".
/// </summary>
public sealed class WorkloadRegistry
{
    private readonly Dictionary<string, IWorkload> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommandWorkload> _commands = new(StringComparer.Ordinal);
    private readonly List<string> _pluginErrors = [];

    public WorkloadRegistry(IEnumerable<IWorkload> workloads)
    {
        foreach (var workload in workloads)
        {
            Add(workload);
        }
    }

    /// <summary>Every workload's name, C# and command ones alike.</summary>
    public IReadOnlyCollection<string> Names => [.. _workloads.Keys, .. _commands.Keys];

    /// <summary>The C# workloads (built-in and plug-in).</summary>
    public IEnumerable<IWorkload> All => _workloads.Values;

    public IEnumerable<CommandWorkload> Commands => _commands.Values;

    /// <summary>Plug-ins that could not be loaded, each with why.</summary>
    public IReadOnlyList<string> PluginErrors => _pluginErrors;

    /// <summary>fashion-mlp, fashion-cnn, fashion-resnet, synthetic-regression, two-spirals and adding-problem.</summary>
    public static WorkloadRegistry CreateDefault(WorkloadOptions? options = null)
    {
        options ??= new WorkloadOptions();
        return new WorkloadRegistry(
        [
            new FashionMlpWorkload(options),
            new FashionCnnWorkload(options),
            new FashionResNetWorkload(options),
            new SyntheticRegressionWorkload(),
            new TwoSpiralsWorkload(),
            new AddingProblemWorkload(),
        ]);
    }

    public WorkloadRegistry Add(IWorkload workload)
    {
        if (string.IsNullOrWhiteSpace(workload.Name))
        {
            throw new ArgumentException("a workload needs a name", nameof(workload));
        }

        // A plug-in's declaration is checked once, here, so a mistake in it is a plug-in error with its reason.
        var declared = (workload.Parameters ?? []).Concat(workload.BatchSize is { } batch ? [batch] : []).ToList();
        var problems = declared.SelectMany(p => p.Problems())
            .Concat(declared.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => $"{g.Key}: declared twice"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"workload '{workload.Name}' declares bad parameters: {string.Join("; ", problems)}", nameof(workload));
        }

        if (_commands.ContainsKey(workload.Name) || !_workloads.TryAdd(workload.Name, workload))
        {
            throw new ArgumentException($"workload '{workload.Name}' is already registered", nameof(workload));
        }

        return this;
    }

    public WorkloadRegistry Add(CommandWorkload command)
    {
        if (_workloads.ContainsKey(command.Name) || !_commands.TryAdd(command.Name, command))
        {
            throw new ArgumentException($"workload '{command.Name}' is already registered", nameof(command));
        }

        return this;
    }

    public void AddPluginError(string error) => _pluginErrors.Add(error);

    /// <summary>The C# workload of that name (false for a command workload).</summary>
    public bool TryGet(string name, out IWorkload workload) => _workloads.TryGetValue(name, out workload!);

    public bool TryGetCommand(string name, out CommandWorkload command) => _commands.TryGetValue(name, out command!);

    /// <exception cref="UnknownWorkloadException">No C# workload has that name (a command workload's name says so).</exception>
    public IWorkload Get(string name) =>
        _workloads.TryGetValue(name, out var workload) ? workload : throw new UnknownWorkloadException(name, UnknownMessage(name));

    /// <summary>Every workload as the lists show it, by name.</summary>
    public IReadOnlyList<WorkloadInfo> Describe() =>
    [
        .. _workloads.Values.Select(Info).Concat(_commands.Values.Select(Info)).OrderBy(w => w.Name, StringComparer.Ordinal),
    ];

    /// <summary>A C# workload as the lists show it, with what it declares.</summary>
    public static WorkloadInfo Info(IWorkload workload) =>
        new(workload.Name, workload.Description, WorkloadKind.TorchSharp, null, workload.Parameters, workload.BatchSize);

    /// <summary>A command workload as the lists show it, with what its settings declare.</summary>
    public static WorkloadInfo Info(CommandWorkload command) =>
        new(command.Name, command.Description, WorkloadKind.Command, command.CommandLine, command.Parameters, command.BatchSize);

    /// <summary>Why <paramref name="name"/> is not a C# workload here: the known names and any plug-in that failed to load.</summary>
    public string UnknownMessage(string? name)
    {
        if (name is not null && _commands.ContainsKey(name))
        {
            return $"'{name}' is a command workload (it runs its own program); this needs a C# workload ({string.Join(", ", _workloads.Keys)})";
        }

        var message = $"unknown workload '{name}' (known: {string.Join(", ", Names)})";
        return _pluginErrors.Count == 0 ? message : $"{message}; plug-ins that failed to load: {string.Join("; ", _pluginErrors)}";
    }
}
