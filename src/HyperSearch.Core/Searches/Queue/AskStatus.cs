namespace HyperSearch.Core.Searches.Queue;

public enum AskStatus
{
    /// <summary>The trial was inserted and is now held by the asking worker.</summary>
    Claimed,
    /// <summary>Another worker inserted trial n first: re-read the history and sample again.</summary>
    NumberTaken,
    /// <summary>The budget is used up, the search is at its parallelism limit, or no longer running.</summary>
    NotAllowed,
    /// <summary>
    /// Another team's search went ahead of this one in the claim order since the candidates were read
    /// (a concurrent start changed the teams' shares): read the candidates again.
    /// </summary>
    TeamBehind,
}
