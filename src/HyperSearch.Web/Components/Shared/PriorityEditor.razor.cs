using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A search's priority: type a value, or step it by <see cref="SearchCommands.PriorityStep"/>.</summary>
public partial class PriorityEditor
{
    [Parameter] public int Priority { get; set; }
    [Parameter] public EventCallback<int> Changed { get; set; }
}
