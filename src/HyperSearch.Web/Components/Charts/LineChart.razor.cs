using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HyperSearch.Web.Components.Charts;

/// <summary>
/// A line chart drawn by wwwroot-assets/js/charts/lineChart.js. A new <see cref="Spec"/> instance
/// redraws; <see cref="AppendAsync"/> adds live points without redrawing.
/// </summary>
public partial class LineChart : IAsyncDisposable
{
    public const string ModulePath = "./dist/js/charts/lineChart.js";

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required LineChartSpec Spec { get; set; }
    [Parameter] public string CssClass { get; set; } = "hs-chart";

    private ElementReference element;
    private IJSObjectReference? module;
    private LineChartSpec? drawn;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await module.InvokeVoidAsync("init", element, Spec);
            drawn = Spec;
        }
        else if (module is not null && !ReferenceEquals(drawn, Spec))
        {
            await module.InvokeVoidAsync("update", element, Spec);
            drawn = Spec;
        }
    }

    public async Task AppendAsync(IReadOnlyList<ChartSeries> additions)
    {
        if (module is not null && additions.Count > 0)
        {
            await module.InvokeVoidAsync("append", element, additions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is null)
        {
            return;
        }

        try
        {
            await module.InvokeVoidAsync("dispose", element);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser already dropped the chart.
        }
    }
}
