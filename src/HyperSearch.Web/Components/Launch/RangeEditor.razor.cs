using HyperSearch.Core.Validation;
using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Launch;

/// <summary>Edits one parameter distribution (float/int range, choices, or a fixed value) with its field errors.</summary>
public partial class RangeEditor
{
    private static readonly ParamKind[] Kinds = Enum.GetValues<ParamKind>();

    [Parameter, EditorRequired] public required ParamRange Range { get; set; }
    /// <summary>The JSON path of this parameter in the spec (e.g. space.decay.step.gamma).</summary>
    [Parameter, EditorRequired] public required string Path { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ValidationError> Errors { get; set; }
    [Parameter] public string? Label { get; set; }
    [Parameter] public EventCallback Changed { get; set; }
}
