namespace HyperSearch.Core.Training;

/// <summary>
/// What the workload lists show (the CLI's <c>hypersearch workloads</c>, <c>GET /api/workloads</c>, the
/// launch form's picker): a workload as the user picks it, whichever trainer runs it, and what it declares.
/// </summary>
/// <param name="Command">For a command workload, the program it starts (executable and arguments); null otherwise.</param>
/// <param name="Parameters">
/// The <c>params</c> it declares, in its own order; null when it declares nothing, and then any numeric
/// <c>params</c> pass (the workload reads what it knows and ignores the rest, as before declarations existed).
/// An empty list declares that it takes none.
/// </param>
/// <param name="BatchSize">The <c>batchSize</c> range and default it declares; null: any batch size 1…65,536.</param>
public sealed record WorkloadInfo(
    string Name,
    string Description,
    WorkloadKind Kind,
    string? Command = null,
    IReadOnlyList<WorkloadParameter>? Parameters = null,
    WorkloadParameter? BatchSize = null);
