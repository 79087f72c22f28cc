namespace HyperSearch.Core.Training;

/// <summary>
/// What the workload lists show (the CLI's <c>hypersearch workloads</c>, <c>GET /api/workloads</c>, the
/// launch form's picker): a workload as the user picks it, whichever trainer runs it.
/// </summary>
/// <param name="Command">For a command workload, the program it starts (executable and arguments); null otherwise.</param>
public sealed record WorkloadInfo(string Name, string Description, WorkloadKind Kind, string? Command = null);
