using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A point in time in the viewer's local time, with UTC on hover (the zone's name in data-zone).</summary>
public partial class LocalTime : IDisposable
{
    [Inject] public required BrowserClock Clock { get; init; }

    [Parameter] public DateTimeOffset? At { get; set; }

    protected override void OnInitialized() => Clock.Changed += Refresh;

    private void Refresh() => _ = InvokeAsync(StateHasChanged);

    public void Dispose() => Clock.Changed -= Refresh;
}
