using HyperSearch.Web.Components.Charts;

namespace HyperSearch.Web.Components.Search;

/// <summary>The whole-search charts of one search under one filter, as built from its trials (immutable: viewers share it).</summary>
public sealed record AnalysisCharts(ScatterChartSpec Scatter, LineChartSpec BestSoFar, ParallelChartSpec Parallel, string ScatterCaption);
