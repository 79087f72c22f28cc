namespace HyperSearch.Web.Api;

/// <summary>Body of POST /api/searches/{id}/priority. Higher runs first.</summary>
public sealed record PriorityChange(int Priority);
