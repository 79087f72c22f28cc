namespace HyperSearch.Web.Components.Charts;

/// <summary>One axis of parallel coordinates: numeric (optionally log) or categorical.</summary>
public sealed record ParallelAxis(string Name)
{
    public bool Log { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
}
