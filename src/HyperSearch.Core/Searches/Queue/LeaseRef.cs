namespace HyperSearch.Core.Searches.Queue;

/// <summary>
/// Proof that a worker holds a trial: writes are accepted only while the trial is Running with this
/// attempt on this worker, so a worker whose lease expired can never write over the retry.
/// </summary>
public sealed record LeaseRef(long TrialId, int Attempt, string WorkerId);
