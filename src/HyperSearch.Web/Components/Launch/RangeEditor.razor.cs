using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Launch;

/// <summary>Edits one parameter distribution (float/int range, choices, or a fixed value), each message under its own box.</summary>
public partial class RangeEditor
{
    private static readonly ParamKind[] Kinds = Enum.GetValues<ParamKind>();

    [Parameter, EditorRequired] public required ParamRange Range { get; set; }
    /// <summary>The JSON path of this parameter in the spec (e.g. space.decay.step.gamma).</summary>
    [Parameter, EditorRequired] public required string Path { get; set; }
    [Parameter, EditorRequired] public required FormErrors Errors { get; set; }
    [Parameter] public string? Label { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    // Small learning rates stay readable ("1e-05", never "0.0000100").
    private static readonly string NumberFormat = "G6";

    private static string KindLabel(ParamKind kind) => kind switch
    {
        ParamKind.Float => "float",
        ParamKind.Int => "integer",
        ParamKind.Choice => "choices",
        _ => "fixed",
    };

    private Func<T, IEnumerable<string>> Rule<T>(string field) => FormErrors.Rule<T>(() => Errors, field);

    private Task SetAsync(Action change)
    {
        change();
        return Changed.InvokeAsync();
    }
}
