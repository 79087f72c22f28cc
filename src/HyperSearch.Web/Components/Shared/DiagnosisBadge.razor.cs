using Microsoft.AspNetCore.Components;
using Radzen;

namespace HyperSearch.Web.Components.Shared;

/// <summary>The curve diagnosis of a trial (Healthy, TooHigh, TooLow, …) with its hint as tooltip.</summary>
public partial class DiagnosisBadge
{
    [Parameter] public string? Diagnosis { get; set; }
    [Parameter] public string? Hint { get; set; }

    private BadgeStyle Style => Diagnosis switch
    {
        "Healthy" => BadgeStyle.Success,
        "Diverged" or "TooHigh" or "LateTooHigh" => BadgeStyle.Danger,
        "TooLow" => BadgeStyle.Warning,
        _ => BadgeStyle.Light,
    };
}
