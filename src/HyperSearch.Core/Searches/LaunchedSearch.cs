namespace HyperSearch.Core.Searches;

/// <summary>The search a launch stands for (new, or the first one of a retried launch) and which it was.</summary>
public sealed record LaunchedSearch(long SearchId, LaunchOutcome Outcome);
