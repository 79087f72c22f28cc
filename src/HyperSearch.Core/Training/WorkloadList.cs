namespace HyperSearch.Core.Training;

/// <summary>The answer of <c>hypersearch workloads --json</c> and <c>GET /api/workloads</c>.</summary>
public sealed record WorkloadList(IReadOnlyList<WorkloadInfo> Workloads, IReadOnlyList<string> PluginErrors);
