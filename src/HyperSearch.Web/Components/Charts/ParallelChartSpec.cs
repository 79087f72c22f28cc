namespace HyperSearch.Web.Components.Charts;

/// <summary>Everything parallelChart.js needs; serialized as-is.</summary>
public sealed record ParallelChartSpec(IReadOnlyList<ParallelAxis> Axes, IReadOnlyList<ParallelLine> Lines);
