namespace HyperSearch.Training.Workloads;

/// <summary>A trial or command named a workload that no registry entry has.</summary>
public sealed class UnknownWorkloadException(string name, IEnumerable<string> known)
    : ArgumentException($"workload: unknown workload '{name}' (known: {string.Join(", ", known)})")
{
    public string Name { get; } = name;

    // Not passed to the base constructor, which would append "(Parameter 'workload')" to the message.
    public override string ParamName => "workload";
}
