using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A coloured badge for a trial or search state.</summary>
public partial class StateBadge
{
    [Parameter] public TrialState? Trial { get; set; }
    [Parameter] public SearchState? Search { get; set; }

    private string Text => Trial?.ToString() ?? Search?.ToString() ?? "";

    private BadgeStyle Style => Text switch
    {
        "Running" or "Evaluating" => BadgeStyle.Info,
        "Completed" => BadgeStyle.Success,
        "Pruned" or "Paused" => BadgeStyle.Warning,
        "Diverged" or "Failed" => BadgeStyle.Danger,
        _ => BadgeStyle.Secondary,
    };
}
