namespace HyperSearch.Training.Workloads;

/// <summary>
/// Names → workloads, for the worker, the dashboard and the CLI. Register custom workloads at start-up
/// (before trials run); lookups are then read-only and safe from any thread.
/// </summary>
public sealed class WorkloadRegistry
{
    private readonly Dictionary<string, IWorkload> _workloads = new(StringComparer.Ordinal);

    public WorkloadRegistry(IEnumerable<IWorkload> workloads)
    {
        foreach (var workload in workloads)
        {
            Add(workload);
        }
    }

    public IReadOnlyCollection<string> Names => _workloads.Keys;

    public IEnumerable<IWorkload> All => _workloads.Values;

    /// <summary>fashion-mlp, fashion-cnn, synthetic-regression and two-spirals.</summary>
    public static WorkloadRegistry CreateDefault(WorkloadOptions? options = null)
    {
        options ??= new WorkloadOptions();
        return new WorkloadRegistry(
        [
            new FashionMlpWorkload(options),
            new FashionCnnWorkload(options),
            new SyntheticRegressionWorkload(),
            new TwoSpiralsWorkload(),
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

    public bool TryGet(string name, out IWorkload workload) => _workloads.TryGetValue(name, out workload!);

    /// <exception cref="UnknownWorkloadException">No workload has that name.</exception>
    public IWorkload Get(string name) =>
        _workloads.TryGetValue(name, out var workload) ? workload : throw new UnknownWorkloadException(name, Names);
}
