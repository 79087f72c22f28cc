using System.Text.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Api;

/// <summary>Body of POST /api/searches/{id}/priority: <c>{ "priority": n }</c>, n in [-1000, 1000]; higher runs first.</summary>
public sealed record PriorityChange(int Priority)
{
    public const int Min = -1000, Max = 1000;

    /// <summary>Read by hand so that <c>{}</c>, a string, a fraction or an unknown key is a field error, not priority 0.</summary>
    public static (PriorityChange? Change, List<ValidationError> Errors) Read(string body)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e) { return (null, [new ValidationError("$", $"not valid JSON ({e.Message})")]); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, [new ValidationError("$", "must be a JSON object like { \"priority\": 10 }")]);
            var errors = JsonTextGuard.Check(root).ToList();
            if (errors.Count > 0) return (null, errors);
            foreach (var property in root.EnumerateObject().Where(p => p.Name != "priority"))
                errors.Add(new ValidationError(property.Name, "unknown field (known: priority)"));
            if (!root.TryGetProperty("priority", out var value) || value.ValueKind == JsonValueKind.Null)
                errors.Add(new ValidationError("priority", "is required"));
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n is < Min or > Max)
                errors.Add(new ValidationError("priority", $"must be a whole number between {Min} and {Max}"));
            return errors.Count > 0 ? (null, errors) : (new PriorityChange(root.GetProperty("priority").GetInt32()), errors);
        }
    }
}
