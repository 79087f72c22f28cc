using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>
/// One leaf of the space flattened for samplers. <see cref="Path"/> is the JSON path of its
/// distribution in the space file (<c>decay.step.gamma</c>); <see cref="Section"/> and
/// <see cref="Name"/> say where its value goes in the trial config (<c>decay</c> / <c>gamma</c>;
/// Name is null for the top-level scalars initialLr and batchSize). <see cref="Branch"/> is the decay
/// type the dimension belongs to, null when every branch has it. <see cref="When"/>: the conditions on
/// earlier dimensions under which it exists (a conditional <c>params</c> entry); null: always.
/// </summary>
public sealed record SpaceDimension(string Path, string Section, string? Name, Distribution Distribution, string? Branch, IReadOnlyList<SpaceCondition>? When = null)
{
    public bool IsConditional => When is { Count: > 0 };

    /// <summary>
    /// Whether the dimension exists given the values drawn so far (keyed by path): every condition's parent
    /// is present — itself active — and holds. Samplers draw dimensions in order and skip inactive ones, as
    /// Optuna's define-by-run objective never calls <c>suggest</c> for them.
    /// </summary>
    public bool IsActive(IReadOnlyDictionary<string, JsonNode> values) =>
        When is not { } when || when.All(c => values.TryGetValue(c.ParentPath, out var v) && c.Holds(v));
}
