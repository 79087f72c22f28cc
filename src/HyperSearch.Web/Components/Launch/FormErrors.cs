using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Components.Launch;

/// <summary>
/// The core validator's messages handed to the form field each belongs to: the field whose path is
/// the longest one covering the message's path (space.decay.step.gamma.high → the gamma range's
/// "high" box; space.decay.step → the step block). Messages no field covers are listed apart.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public static FormErrors None { get; } = new([], []);

    public FormErrors(IReadOnlyList<ValidationError> errors, IEnumerable<string> fields)
    {
        All = errors;
        var known = fields.ToList();
        var unplaced = new List<ValidationError>();
        foreach (var error in errors)
        {
            var owner = known.Where(f => Covers(f, error.Path)).MaxBy(f => f.Length);
            if (owner is null)
            {
                unplaced.Add(error);
                continue;
            }

            if (!byField.TryGetValue(owner, out var list)) byField[owner] = list = [];
            // The box already says which field; the rest of the path names the part of it (".low").
            var rest = error.Path.Length > owner.Length ? error.Path[(owner.Length + 1)..] + ": " : "";
            list.Add(rest + error.Message);
        }

        Unplaced = unplaced;
    }

    public IReadOnlyList<ValidationError> All { get; }

    public IReadOnlyList<ValidationError> Unplaced { get; }

    public int Count => All.Count;

    public bool Has(string field) => byField.ContainsKey(field);

    /// <summary>Every message of the field, one per line.</summary>
    public string? Text(string field) => byField.TryGetValue(field, out var list) ? string.Join("\n", list) : null;

    public IReadOnlyList<string> Messages(string field) => byField.TryGetValue(field, out var list) ? list : [];

    /// <summary>
    /// A MudBlazor validation rule for one box that reports the core's messages for it. MudForm asks
    /// it whenever the box changes and whenever the form validates; <paramref name="current"/> is read
    /// then, so the rule always sees the latest validation of the whole spec.
    /// </summary>
    public static Func<T, IEnumerable<string>> Rule<T>(Func<FormErrors> current, string field) => _ => current().Messages(field);

    public static bool Covers(string field, string path) =>
        path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);
}
