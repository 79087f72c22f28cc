namespace HyperSearch.Web.Components.Charts;

/// <summary>Everything lineChart.js needs to draw; serialized as-is to the JS module.</summary>
public sealed record LineChartSpec(IReadOnlyList<ChartSeries> Series)
{
    public string? Title { get; init; }
    public string? XName { get; init; }
    public string? YName { get; init; }
    public bool LogY { get; init; }
    public bool LogX { get; init; }
    public bool Legend { get; init; } = true;
    /// <summary>
    /// The x values are whole numbers (epochs, steps, trial numbers): ticks only on integers, so a
    /// three-epoch chart reads 1, 2, 3 rather than 1, 1.5, 2, 2.5, 3.
    /// </summary>
    public bool WholeX { get; init; }
    /// <summary>An x range to shade (e.g. the suggested LR range), or null.</summary>
    public double[]? MarkX { get; init; }
}
