using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>A constant: every trial gets <see cref="Value"/>.</summary>
public sealed record FixedDistribution(JsonNode Value) : Distribution
{
    public override string Kind => "fixed";

    public static FixedDistribution Of<T>(T value) => new(System.Text.Json.JsonSerializer.SerializeToNode(value)!);
}
