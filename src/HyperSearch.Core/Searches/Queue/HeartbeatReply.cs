namespace HyperSearch.Core.Searches.Queue;

/// <summary>
/// Trials the worker must stop: cancelled (by a user, or their search was) or no longer its own
/// (lease lost). <see cref="Lost"/> must not be finished by this worker. <see cref="LeasesExtended"/>:
/// this worker had been out of contact, so the expired leases it found were extended, not reaped
/// (<see cref="LeaseRules"/>).
/// </summary>
public sealed record HeartbeatReply(IReadOnlyList<long> Cancel, IReadOnlyList<long> Lost, int LeasesExtended = 0);
