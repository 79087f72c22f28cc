using HyperSearch.Core.Access;
using HyperSearch.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Layout;

/// <summary>
/// The menu lists only what the signed-in user can use: New search for those who may launch in some
/// team, Teams and the audit log for admins (a viewer saw all four and met a refusal on each). The
/// pages check again on their own; this only keeps dead ends out of the menu.
/// </summary>
public partial class NavMenu
{
    [Inject] public required ICurrentActor Actors { get; init; }

    private Actor actor = CircuitActor.Nobody;

    protected override async Task OnInitializedAsync() => actor = await Actors.GetAsync();
}
