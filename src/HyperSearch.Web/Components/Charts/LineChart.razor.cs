namespace HyperSearch.Web.Components.Charts;

/// <summary>
/// A line chart drawn by wwwroot-assets/js/charts/lineChart.js. A new <see cref="ChartBase{T}.Spec"/>
/// instance redraws; <see cref="AppendAsync"/> adds live points without redrawing.
/// </summary>
public partial class LineChart
{
    public const string ModulePath = "./dist/js/charts/lineChart.js";

    protected override string ModuleUrl => ModulePath;

    public Task AppendAsync(IReadOnlyList<ChartSeries> additions) =>
        additions.Count == 0 ? Task.CompletedTask : CallAsync("append", additions);
}
