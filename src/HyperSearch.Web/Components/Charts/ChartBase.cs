using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Live;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace HyperSearch.Web.Components.Charts;

/// <summary>
/// A data component over one thin ES chart module (init/update/dispose): a new <see cref="Spec"/>
/// instance redraws, the same instance does nothing. Every JS call has a timeout: a browser that
/// vanished without closing its tab never answers, and a page waiting on it would stop updating.
/// </summary>
public abstract class ChartBase<TSpec> : ComponentBase, IAsyncDisposable where TSpec : class
{
    [Inject] public required ThemeState Theme { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> LiveOptions { get; init; }
    [Inject] public required ILogger<ChartBase<TSpec>> Logger { get; init; }

    [Parameter, EditorRequired] public required TSpec Spec { get; set; }
    [Parameter] public string CssClass { get; set; } = "hs-chart";
    /// <summary>
    /// Called once the chart's first drawing has been handed to the browser (or could not be: no
    /// browser, a call timed out). A plain action, not an EventCallback: it must not re-render the page.
    /// </summary>
    [Parameter] public Action? OnDrawn { get; set; }

    protected ElementReference Element;
    protected IJSObjectReference? Module;
    private TSpec? drawn;
    private bool drawnDark;
    private bool importTimedOut;

    protected abstract string ModuleUrl { get; }

    // Prerendering writes the spec into the page, and dist/js/charts/prerendered.js draws it as soon
    // as the HTML is parsed: the curves are on screen before the circuit starts (1–2 s later on a
    // busy machine), and the circuit's own init then redraws the same element. Interactive renders
    // leave both attributes out (Blazor omits null attributes).
    private static readonly JsonSerializerOptions SpecJson = new(JsonSerializerDefaults.Web);
    protected string? PrerenderedModule => RendererInfo.IsInteractive ? null : ModuleUrl;
    protected string? PrerenderedSpec => RendererInfo.IsInteractive ? null : JsonSerializer.Serialize(Spec, SpecJson);

    private TimeSpan Timeout => TimeSpan.FromMilliseconds(Math.Max(100, LiveOptions.Value.JsCallTimeoutMilliseconds));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                await InitAsync();
            }
            finally
            {
                OnDrawn?.Invoke();
            }
        }
        else if (Module is null)
        {
            // The module's import got no answer in time (a browser busy for seconds, as on a loaded
            // CI machine): try again on this render rather than leave the chart blank for good.
            if (importTimedOut) await InitAsync();
        }
        else if (!ReferenceEquals(drawn, Spec))
        {
            drawn = Spec;
            await CallAsync("update", Spec);
        }
    }

    private async Task InitAsync()
    {
        importTimedOut = false; // also keeps a render during this import from starting another
        try
        {
            Module = await JS.InvokeAsync<IJSObjectReference>("import", Timeout, ModuleUrl);
        }
        catch (JSDisconnectedException)
        {
            return; // no browser to draw in; the page still works without this chart
        }
        catch (OperationCanceledException)
        {
            importTimedOut = true;
            Logger.LogWarning("Chart {Module} could not be loaded: no answer from the browser within {Timeout} ms; trying again on the next update",
                ModuleUrl, Timeout.TotalMilliseconds);
            return;
        }

        drawnDark = Theme.IsDark;
        await CallAsync("init", Spec, drawnDark);
        drawn = Spec;
        // The theme may have switched while init was on its way (the layout reads it at start).
        if (Theme.IsDark != drawnDark) await OnThemeChanged(Theme.IsDark);
    }

    protected override void OnInitialized() => Theme.Changed += OnThemeChanged;

    private Task OnThemeChanged(bool dark) => InvokeAsync(async () =>
    {
        if (Module is null || drawnDark == dark) return; // init (still to come) reads the current theme
        drawnDark = dark;
        await CallAsync("setTheme", dark);
    });

    /// <summary>Calls the module (element first) with the timeout; a gone or silent browser is logged, never thrown.</summary>
    protected async Task CallAsync(string function, params object?[] arguments)
    {
        if (Module is null) return;
        try
        {
            await Module.InvokeVoidAsync(function, Timeout, [Element, .. arguments]);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser already dropped the chart.
        }
        catch (OperationCanceledException)
        {
            Logger.LogWarning("Chart {Module} '{Function}' got no answer from the browser within {Timeout} ms; moving on",
                ModuleUrl, function, Timeout.TotalMilliseconds);
        }
        catch (JSException e)
        {
            // A chart that cannot draw must not end the circuit (the rest of the page keeps working).
            Logger.LogWarning("Chart {Module} '{Function}' failed in the browser: {Message}", ModuleUrl, function, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Theme.Changed -= OnThemeChanged;
        if (Module is null)
        {
            return;
        }

        await CallAsync("dispose");
        try
        {
            await Module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // As above.
        }
    }
}
