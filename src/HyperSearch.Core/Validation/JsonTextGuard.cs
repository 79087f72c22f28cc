using System.Text.Json;

namespace HyperSearch.Core.Validation;

/// <summary>
/// Finds text no database can store faithfully, anywhere in a JSON document (keys and values): a
/// NUL character (PostgreSQL refuses it in text) and an unpaired UTF-16 surrogate (not a character;
/// .NET cannot even read it as a string). Run first, so every later reader sees clean text.
/// </summary>
public static class JsonTextGuard
{
    public static IReadOnlyList<ValidationError> Check(JsonElement root)
    {
        var errors = new List<ValidationError>();
        Walk(root, "$", errors);
        return errors;
    }

    private static void Walk(JsonElement element, string path, List<ValidationError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Read(() => property.Name);
                    if (name.Problem is not null)
                    {
                        errors.Add(new ValidationError(path, $"has a field name that {name.Problem}"));
                        continue;
                    }
                    Walk(property.Value, path == "$" ? name.Text! : $"{path}.{name.Text}", errors);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String:
                if (Read(element.GetString).Problem is { } problem) errors.Add(new ValidationError(path, problem));
                break;
        }
    }

    private static (string? Text, string? Problem) Read(Func<string?> read)
    {
        string? text;
        try
        {
            text = read();
        }
        catch (InvalidOperationException)
        {
            return (null, "contains an unpaired UTF-16 surrogate (not a character)");
        }
        if (text is null) return (null, null);
        if (text.Contains('\0')) return (text, "contains a NUL character");
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return (text, "contains an unpaired UTF-16 surrogate (not a character)");
        }
        return (text, null);
    }
}
