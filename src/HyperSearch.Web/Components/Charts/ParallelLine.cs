namespace HyperSearch.Web.Components.Charts;

/// <summary>One trial across the parallel axes (a category value is its name).</summary>
public sealed record ParallelLine(IReadOnlyList<object?> Values, string? Color);
