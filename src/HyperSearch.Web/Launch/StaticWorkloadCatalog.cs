namespace HyperSearch.Web.Launch;

/// <summary>
/// The workloads of ARCHITECTURE.md.
/// TODO(issue 4): replace with the training project's WorkloadRegistry once it is merged.
/// </summary>
public sealed class StaticWorkloadCatalog(IReadOnlyList<string>? names = null) : IWorkloadCatalog
{
    public IReadOnlyList<string> Names { get; } = names ?? ["fashion-mlp", "fashion-cnn", "synthetic-regression", "two-spirals"];
}
