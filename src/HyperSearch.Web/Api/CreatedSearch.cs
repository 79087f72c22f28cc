namespace HyperSearch.Web.Api;

/// <summary>Answer to a created search: its id and the dashboard page that shows it.</summary>
public sealed record CreatedSearch(long Id, string Page);
