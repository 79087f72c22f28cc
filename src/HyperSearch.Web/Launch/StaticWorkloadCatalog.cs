using HyperSearch.Core.Training;

namespace HyperSearch.Web.Launch;

/// <summary>A fixed list of workloads (the app builds it from the training project's WorkloadRegistry).</summary>
public sealed class StaticWorkloadCatalog : IWorkloadCatalog
{
    public StaticWorkloadCatalog(IReadOnlyList<WorkloadInfo>? workloads = null, IReadOnlyList<string>? pluginErrors = null)
    {
        PluginErrors = pluginErrors ?? [];
        Workloads = workloads ?? [.. new[] { "fashion-mlp", "fashion-cnn", "synthetic-regression", "two-spirals" }.Select(n => new WorkloadInfo(n, "", WorkloadKind.TorchSharp))];
        Names = [.. Workloads.Select(w => w.Name)];
    }

    public IReadOnlyList<WorkloadInfo> Workloads { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<string> PluginErrors { get; }
}
