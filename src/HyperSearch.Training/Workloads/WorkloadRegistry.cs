namespace HyperSearch.Training.Workloads;

/// <summary>
/// Names → workloads, for the worker, the dashboard and the CLI: the built-ins plus those of the
/// plug-in assemblies named in appsettings.json. Register at start-up (before trials run); lookups are
/// then read-only and safe from any thread. A plug-in that failed to load is remembered, so a trial
/// naming one of its workloads fails with the reason instead of a bare "unknown workload".
/// </summary>
public sealed class WorkloadRegistry
{
    private readonly Dictionary<string, IWorkload> _workloads = new(StringComparer.Ordinal);
    private readonly List<string> _pluginErrors = [];

    public WorkloadRegistry(IEnumerable<IWorkload> workloads)
    {
        foreach (var workload in workloads)
        {
            Add(workload);
        }
    }

    public IReadOnlyCollection<string> Names => _workloads.Keys;

    public IEnumerable<IWorkload> All => _workloads.Values;

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

        if (!_workloads.TryAdd(workload.Name, workload))
        {
            throw new ArgumentException($"workload '{workload.Name}' is already registered", nameof(workload));
        }

        return this;
    }

    public void AddPluginError(string error) => _pluginErrors.Add(error);

    public bool TryGet(string name, out IWorkload workload) => _workloads.TryGetValue(name, out workload!);

    /// <exception cref="UnknownWorkloadException">No workload has that name.</exception>
    public IWorkload Get(string name) =>
        _workloads.TryGetValue(name, out var workload) ? workload : throw new UnknownWorkloadException(name, UnknownMessage(name));

    /// <summary>Why <paramref name="name"/> is not a workload here: the known names and any plug-in that failed to load.</summary>
    public string UnknownMessage(string? name)
    {
        var message = $"unknown workload '{name}' (known: {string.Join(", ", Names)})";
        return _pluginErrors.Count == 0 ? message : $"{message}; plug-ins that failed to load: {string.Join("; ", _pluginErrors)}";
    }
}
