namespace HyperSearch.Core.Searches.Queue;

public sealed record AskResult(AskStatus Status, ClaimedTrial? Trial);
