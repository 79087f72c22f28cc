namespace HyperSearch.Web.Components.Charts;

/// <summary>Groups of [x, y, id] points (one group per decay type); serialized as-is to scatterChart.js.</summary>
public sealed record ScatterChartSpec(IReadOnlyList<ChartSeries> Series)
{
    public string? XName { get; init; }
    public string? YName { get; init; }
    public bool LogX { get; init; }
    public bool LogY { get; init; }
}
