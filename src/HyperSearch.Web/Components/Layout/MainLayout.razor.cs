using HyperSearch.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace HyperSearch.Web.Components.Layout;

/// <summary>
/// App bar, menu and the light/dark switch. The choice is kept in the browser (localStorage through
/// dist/js/browser.js, mirrored in a cookie so the server prerenders pages in it); without one the
/// system's preference decides once the circuit runs. It also learns the browser's
/// time zone, so times read in local time (UTC on hover).
/// </summary>
public partial class MainLayout : IDisposable
{
    public const string BrowserModule = "./dist/js/browser.js";

    [Inject] public required ThemeState Theme { get; init; }
    [Inject] public required BrowserClock Clock { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    private MudThemeProvider? themeProvider;
    private bool drawerOpen = true;
    private bool circuitLive;
    private IJSObjectReference? module;

    [CascadingParameter(Name = "DarkTheme")] public bool DarkTheme { get; set; }

    protected override void OnInitialized()
    {
        Theme.Start(DarkTheme);
        Theme.Changed += OnThemeChanged;
    }

    private Task OnThemeChanged(bool dark) => InvokeAsync(StateHasChanged);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        circuitLive = true;
        try
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", TimeSpan.FromSeconds(5), BrowserModule);
            var zone = await module.InvokeAsync<BrowserClock.Zone>("timeZone", TimeSpan.FromSeconds(5));
            Clock.Set(zone);
            var stored = await module.InvokeAsync<bool?>("loadTheme", TimeSpan.FromSeconds(5));
            var dark = stored ?? (themeProvider is not null && await themeProvider.GetSystemDarkModeAsync());
            await Theme.SetAsync(dark);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // No stored choice readable: stay light.
        }

        StateHasChanged();
    }

    private async Task ToggleThemeAsync()
    {
        await Theme.SetAsync(!Theme.IsDark);
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("saveTheme", TimeSpan.FromSeconds(5), Theme.IsDark);
            }
            catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
            {
                // The switch still works for this tab.
            }
        }
    }

    public void Dispose() => Theme.Changed -= OnThemeChanged;
}
