using System.Text.Json.Nodes;

namespace HyperSearch.Web.Launch;

/// <summary>
/// The parts of a cloned search's spec that the launch form has no box for (the space's batch size
/// and workload params, an optimizer's weight decay or betas, the pruner's settings, a chosen
/// direction): <see cref="LaunchFormReader"/> keeps them here, <see cref="LaunchSpecWriter"/> writes
/// them back unchanged, and the form lists them, so a clone is the same search and says so.
/// </summary>
public sealed class KeptSpecParts
{
    /// <summary>Entries of the space the form does not edit (batchSize, params, …), in their explicit form.</summary>
    public JsonObject Space { get; } = [];

    /// <summary>Warmup parameters besides steps and startFactor.</summary>
    public JsonObject Warmup { get; } = [];

    /// <summary>Optimizer parameters besides type and momentum.</summary>
    public JsonObject Optimizer { get; } = [];

    /// <summary>The pruner whose settings these are: written back only while the form keeps that pruner.</summary>
    public string? PrunerType { get; init; }

    /// <summary>The pruner's settings that differ from their defaults (startupTrials, warmupSteps, …).</summary>
    public JsonObject Pruner { get; } = [];

    /// <summary>A direction other than the objective's usual one.</summary>
    public string? Direction { get; init; }

    public bool Any => Describe().Count > 0;

    /// <summary>One line per kept part, as the form shows them ("space.params: width, dropout").</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        foreach (var (name, value) in Space)
            lines.Add(value is JsonObject section && section["type"] is null ? $"space.{name}: {string.Join(", ", section.Select(p => p.Key))}" : $"space.{name}");
        if (Warmup.Count > 0) lines.Add($"space.warmup: {string.Join(", ", Warmup.Select(p => p.Key))}");
        if (Optimizer.Count > 0) lines.Add($"space.optimizer: {string.Join(", ", Optimizer.Select(p => p.Key))}");
        if (Pruner.Count > 0) lines.Add($"pruner ({PrunerType}): {string.Join(", ", Pruner.Select(p => $"{p.Key} {p.Value?.ToJsonString()}"))}");
        if (Direction is not null) lines.Add($"direction: {Direction}");
        return lines;
    }
}
