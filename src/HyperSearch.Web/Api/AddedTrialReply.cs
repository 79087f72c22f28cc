namespace HyperSearch.Web.Api;

/// <summary>Answer to a trial added by hand: its id, its number in the search and the dashboard page that shows it.</summary>
public sealed record AddedTrialReply(long Id, int Number, string Page);
