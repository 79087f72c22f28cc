namespace HyperSearch.Core.Searches.Queue;

/// <summary>What <see cref="IWorkQueue.RetireWorkersAsync"/> did: the workers it knew and the trials it took back from them.</summary>
public sealed record RetiredWorkers(IReadOnlyList<string> Workers, IReadOnlyList<long> Trials);
