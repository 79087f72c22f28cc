namespace HyperSearch.Data.Store;

/// <summary>What <see cref="LeaseReaper"/> did to one search's trials: which it took back, whether one ended (the lifecycle must advance) and whether one failed (the search guard must look).</summary>
internal sealed record ReapedTrials(IReadOnlyList<long> Trials, bool Ended, bool Failed);
