namespace HyperSearch.Core.Searches;

/// <summary>One page of a query and the total number of matching rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);
