using HyperSearch.Core.Validation;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

/// <summary>The validator's messages for one field: its path and everything below it (space.decay.step → space.decay.step.gamma.high).</summary>
public partial class FieldErrors
{
    [Parameter, EditorRequired] public required string Path { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ValidationError> Errors { get; set; }

    private IEnumerable<ValidationError> Messages => Errors.Where(e => Covers(Path, e.Path));

    public static bool Covers(string field, string path) =>
        path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);
}
