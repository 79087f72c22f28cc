using Microsoft.AspNetCore.Components;
using Radzen;

namespace HyperSearch.Web.Components.Shared;

/// <summary>A trial's curve diagnosis ("tooHigh: hint" or a bare label) as a badge with the hint as tooltip.</summary>
public partial class DiagnosisBadge
{
    [Parameter] public string? Diagnosis { get; set; }
    /// <summary>Used when <see cref="Diagnosis"/> carries no hint of its own.</summary>
    [Parameter] public string? Hint { get; set; }

    private string? Label => DiagnosisText.Split(Diagnosis).Label;
    private string? Tooltip => DiagnosisText.Split(Diagnosis).Hint ?? Hint;

    private BadgeStyle Style => Label?.ToLowerInvariant() switch
    {
        "healthy" => BadgeStyle.Success,
        "diverged" or "toohigh" or "latetoohigh" => BadgeStyle.Danger,
        "toolow" => BadgeStyle.Warning,
        // Light is unreadable on the white table (screenshots): "unknown" is shown in neutral grey.
        _ => BadgeStyle.Secondary,
    };
}
