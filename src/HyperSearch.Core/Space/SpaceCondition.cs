using System.Globalization;
using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>
/// When a conditional <c>params</c> entry exists (docs/search-space.md, "Conditional parameters"): the
/// earlier entry <see cref="Parent"/> is present and its value is one of <see cref="Values"/> (a
/// categorical parent's choices), or lies within [<see cref="Min"/>, <see cref="Max"/>] (either may be
/// open). A trial where it does not hold has no such parameter at all, as in Optuna's define-by-run.
/// </summary>
public sealed record SpaceCondition(string Parent, IReadOnlyList<JsonNode>? Values = null, double? Min = null, double? Max = null)
{
    /// <summary>The dimension path of the parent (<c>params.n_layers</c>).</summary>
    public string ParentPath => $"params.{Parent}";

    public bool Holds(JsonNode? value)
    {
        if (value is null)
        {
            return false;
        }
        if (Values is { } values)
        {
            return values.Any(v => SpaceValues.AreEqual(v, value));
        }
        return SpaceValues.AsNumber(value) is { } x && x >= (Min ?? double.NegativeInfinity) && x <= (Max ?? double.PositiveInfinity);
    }

    /// <summary>"n_layers ≥ 3", "n_layers in {2, 3}", as the docs and messages write it.</summary>
    public override string ToString() => Values is { } values
        ? $"{Parent} in {{{string.Join(", ", values.Select(v => v.ToJsonString()))}}}"
        : (Min, Max) switch
        {
            ({ } min, { } max) => $"{Format(min)} ≤ {Parent} ≤ {Format(max)}",
            ({ } min, null) => $"{Parent} ≥ {Format(min)}",
            (null, { } max) => $"{Parent} ≤ {Format(max)}",
            _ => $"{Parent} present",
        };

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
