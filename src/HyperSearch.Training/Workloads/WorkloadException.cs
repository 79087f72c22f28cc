namespace HyperSearch.Training.Workloads;

/// <summary>
/// A workload's own code failed (its data, its model factory, or its model's output): the trial fails
/// with this message, which names the workload and what was wrong; the worker goes on.
/// </summary>
public sealed class WorkloadException(string workload, string problem, Exception? inner = null)
    : Exception($"workload '{workload}': {problem}", inner)
{
    public string Workload { get; } = workload;
}
