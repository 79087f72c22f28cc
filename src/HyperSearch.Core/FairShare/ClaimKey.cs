namespace HyperSearch.Core.FairShare;

/// <summary>
/// What the claim order compares about one waiting item (a queued trial, or a search that may ask
/// for one): its search's priority and team, how many trials its search runs, its age and id.
/// </summary>
public readonly record struct ClaimKey(int Priority, long TeamId, int SearchRunning, DateTimeOffset Since, long Id);
