using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A coloured chip for a trial or search state.</summary>
public partial class StateBadge
{
    [Parameter] public TrialState? Trial { get; set; }
    [Parameter] public SearchState? Search { get; set; }

    private string Text => Trial?.ToString() ?? Search?.ToString() ?? "";

    private Color Colour => Text switch
    {
        "Running" or "Evaluating" => Color.Info,
        "Completed" => Color.Success,
        "Pruned" or "Paused" => Color.Warning,
        "Diverged" or "Failed" => Color.Error,
        _ => Color.Default,
    };
}
