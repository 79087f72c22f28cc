namespace HyperSearch.Web.Launch;

/// <summary>A fixed list of workload names (the app builds it from the training project's WorkloadRegistry).</summary>
public sealed class StaticWorkloadCatalog(IReadOnlyList<string>? names = null) : IWorkloadCatalog
{
    public IReadOnlyList<string> Names { get; } = names ?? ["fashion-mlp", "fashion-cnn", "synthetic-regression", "two-spirals"];
}
