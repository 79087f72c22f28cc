using Microsoft.JSInterop;

namespace HyperSearch.Web.Components.Charts;

/// <summary>
/// A line chart drawn by wwwroot-assets/js/charts/lineChart.js. A new <see cref="ChartBase{T}.Spec"/>
/// instance redraws; <see cref="AppendAsync"/> adds live points without redrawing.
/// </summary>
public partial class LineChart
{
    public const string ModulePath = "./dist/js/charts/lineChart.js";

    protected override string ModuleUrl => ModulePath;

    public async Task AppendAsync(IReadOnlyList<ChartSeries> additions)
    {
        if (Module is not null && additions.Count > 0)
        {
            try
            {
                await Module.InvokeVoidAsync("append", Element, additions);
            }
            catch (JSDisconnectedException)
            {
                // The viewer left; nothing to draw on.
            }
        }
    }
}
