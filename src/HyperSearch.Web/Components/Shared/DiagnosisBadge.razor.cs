using HyperSearch.Core.Diagnosis;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// A trial's curve diagnosis ("tooHigh: hint" or a bare label) as a chip with the hint as tooltip.
/// A curve too short to judge reads "too short to diagnose" in grey, never as an alarm.
/// </summary>
public partial class DiagnosisBadge
{
    [Parameter] public string? Diagnosis { get; set; }
    /// <summary>Used when <see cref="Diagnosis"/> carries no hint of its own.</summary>
    [Parameter] public string? Hint { get; set; }

    private string? Label => DiagnosisText.Split(Diagnosis).Label;
    private string? Tooltip => DiagnosisText.Split(Diagnosis).Hint ?? Hint;

    private Color Colour => Labels.Parse(Label) switch
    {
        CurveLabel.Healthy => Color.Success,
        CurveLabel.Diverged or CurveLabel.TooHigh or CurveLabel.LateTooHigh => Color.Error,
        CurveLabel.TooLow => Color.Warning,
        _ => Color.Default,
    };
}
