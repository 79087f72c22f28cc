using System.Text.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Searches;

/// <summary>
/// Reads <c>{ "notes": "…", "tags": ["baseline", "lr-sweep"] }</c> (both optional) with field errors,
/// for the API and the pages alike. A tag is 1–32 characters of a–z, 0–9 and <c>- _ . :</c> (upper
/// case is folded: a tag must filter the same whoever typed it); duplicates are dropped.
/// </summary>
public static class AnnotationReader
{
    public static (Annotation? Annotation, IReadOnlyList<ValidationError> Errors) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, [new ValidationError("$", $"not valid JSON ({e.Message})")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, [new ValidationError("$", "must be a JSON object")]);
            var textErrors = JsonTextGuard.Check(root); // NUL, unpaired surrogates: text no database can store
            if (textErrors.Count > 0) return (null, textErrors);
            var errors = new List<ValidationError>();
            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("notes" or "tags")))
                errors.Add(new(property.Name, "unknown field (known: notes, tags)"));
            var notes = "";
            if (root.TryGetProperty("notes", out var n))
            {
                if (n.ValueKind == JsonValueKind.String) notes = n.GetString()!;
                else errors.Add(new("notes", "must be a string"));
            }

            var tags = new List<string>();
            if (root.TryGetProperty("tags", out var t))
            {
                if (t.ValueKind != JsonValueKind.Array) errors.Add(new("tags", "must be an array of strings"));
                else tags.AddRange(t.EnumerateArray().Select((e, i) =>
                {
                    if (e.ValueKind == JsonValueKind.String) return e.GetString()!;
                    errors.Add(new($"tags[{i}]", "must be a string"));
                    return "";
                }));
            }

            var (annotation, problems) = Check(notes, tags);
            errors.AddRange(problems);
            return errors.Count == 0 ? (annotation, []) : (null, errors);
        }
    }

    /// <summary>Normalises and checks notes and tags typed on a page (tags split on commas and spaces).</summary>
    public static (Annotation Annotation, IReadOnlyList<ValidationError> Errors) Check(string notes, string tagText) =>
        Check(notes, tagText.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static (Annotation Annotation, IReadOnlyList<ValidationError> Errors) Check(string notes, IReadOnlyList<string> tags)
    {
        var errors = new List<ValidationError>();
        notes = notes.Trim();
        if (notes.Length > Annotation.MaxNotes) errors.Add(new("notes", $"must be at most {Annotation.MaxNotes} characters; got {notes.Length}"));
        if (notes.Contains('\0')) errors.Add(new("notes", "contains a NUL character")); // no database stores it
        var normalised = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i].Trim().ToLowerInvariant();
            if (TagProblem(tag) is { } problem) errors.Add(new($"tags[{i}]", problem));
            else if (!normalised.Contains(tag)) normalised.Add(tag);
        }

        if (normalised.Count > Annotation.MaxTags) errors.Add(new("tags", $"must be at most {Annotation.MaxTags} tags; got {normalised.Count}"));
        return (new Annotation(notes, normalised), errors);
    }

    /// <summary>Null when <paramref name="tag"/> (already lower case) may be a tag.</summary>
    public static string? TagProblem(string tag)
    {
        if (tag.Length == 0) return "must not be empty";
        if (tag.Length > Annotation.MaxTagLength) return $"must be at most {Annotation.MaxTagLength} characters; got {tag.Length}";
        var bad = tag.FirstOrDefault(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or ':'));
        return bad == default ? null : $"may hold only a–z, 0–9 and - _ . : ; got '{bad}' in '{tag}'";
    }
}
