using HyperSearch.Core.Searches;
using HyperSearch.Core.Validation;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// Shows a search's or a trial's tags (each a link that filters by it) and notes, and edits them for
/// who may. The text is checked by the core's <see cref="AnnotationReader"/> (the API's rules) before
/// it is saved, each message under its box.
/// </summary>
public partial class AnnotationPanel
{
    [Parameter, EditorRequired] public required string Id { get; set; }
    [Parameter, EditorRequired] public required Annotation Value { get; set; }
    [Parameter] public bool CanEdit { get; set; }
    /// <summary>Saves; false when the server refused (the user was told why).</summary>
    [Parameter, EditorRequired] public required Func<Annotation, Task<bool>> Save { get; set; }
    /// <summary>Where a tag links to: the list filtered by it.</summary>
    [Parameter, EditorRequired] public required Func<string, string> TagHref { get; set; }

    private bool editing;
    private bool saving;
    private string tagText = "";
    private string notes = "";
    private IReadOnlyList<ValidationError> errors = [];

    private string? TagError => Message(e => e.Path.StartsWith("tags", StringComparison.Ordinal));
    private string? NotesError => Message(e => e.Path == "notes");

    private string? Message(Func<ValidationError, bool> which) =>
        errors.Where(which).Select(e => e.Message).ToList() is { Count: > 0 } found ? string.Join("; ", found) : null;

    private void Edit()
    {
        (tagText, notes, errors, editing) = (string.Join(", ", Value.Tags), Value.Notes, [], true);
    }

    private async Task SaveAsync()
    {
        var (annotation, problems) = AnnotationReader.Check(notes ?? "", tagText ?? "");
        errors = problems;
        if (problems.Count > 0) return;
        saving = true;
        try
        {
            if (await Save(annotation)) editing = false;
        }
        finally
        {
            saving = false;
        }
    }
}
