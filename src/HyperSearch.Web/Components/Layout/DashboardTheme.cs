using MudBlazor;

namespace HyperSearch.Web.Components.Layout;

/// <summary>The dashboard's palette in both modes (the charts' dark theme matches the dark surface).</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            AppbarBackground = "#1565c0",
            Background = "#f6f7f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            AppbarBackground = "#1e2430",
            Background = "#14181f",
            Surface = "#1c212b",
            DrawerBackground = "#1a1f28",
        },
    };
}
