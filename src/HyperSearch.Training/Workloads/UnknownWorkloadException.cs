namespace HyperSearch.Training.Workloads;

/// <summary>A trial or command named a workload that no registry entry has.</summary>
public sealed class UnknownWorkloadException(string name, string message) : ArgumentException($"workload: {message}")
{
    public string Name { get; } = name;

    // Not passed to the base constructor, which would append "(Parameter 'workload')" to the message.
    public override string ParamName => "workload";
}
