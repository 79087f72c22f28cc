using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HyperSearch.Web.Components.Charts;

/// <summary>
/// A data component over one thin ES chart module (init/update/dispose): a new <see cref="Spec"/>
/// instance redraws, the same instance does nothing.
/// </summary>
public abstract class ChartBase<TSpec> : ComponentBase, IAsyncDisposable where TSpec : class
{
    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required TSpec Spec { get; set; }
    [Parameter] public string CssClass { get; set; } = "hs-chart";

    protected ElementReference Element;
    protected IJSObjectReference? Module;
    private TSpec? drawn;

    protected abstract string ModuleUrl { get; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            Module = await JS.InvokeAsync<IJSObjectReference>("import", ModuleUrl);
            await Module.InvokeVoidAsync("init", Element, Spec);
            drawn = Spec;
        }
        else if (Module is not null && !ReferenceEquals(drawn, Spec))
        {
            await Module.InvokeVoidAsync("update", Element, Spec);
            drawn = Spec;
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Module is null)
        {
            return;
        }

        try
        {
            await Module.InvokeVoidAsync("dispose", Element);
            await Module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser already dropped the chart.
        }
    }
}
