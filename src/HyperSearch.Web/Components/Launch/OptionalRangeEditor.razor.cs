using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Launch;

/// <summary>
/// A range the space may leave out (a cloned space without a momentum range): its editor when
/// present, otherwise a button that adds the form's default range. Absent stays absent, so a clone
/// is the same search; the core's default value applies meanwhile.
/// </summary>
public partial class OptionalRangeEditor
{
    [Parameter] public ParamRange? Range { get; set; }
    [Parameter, EditorRequired] public required Action Add { get; set; }
    [Parameter, EditorRequired] public required string Path { get; set; }
    [Parameter, EditorRequired] public required string Label { get; set; }
    [Parameter, EditorRequired] public required FormErrors Errors { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    private Task AddAsync()
    {
        Add();
        return Changed.InvokeAsync();
    }
}
