using System.Text.Json.Nodes;

namespace HyperSearch.Core.Space;

/// <summary>One of a fixed list of JSON values (numbers, strings, booleans or integer lists).</summary>
public sealed record CategoricalDistribution(IReadOnlyList<JsonNode> Choices) : Distribution
{
    public override string Kind => "categorical";

    public static CategoricalDistribution Of<T>(params T[] choices) =>
        new(choices.Select(c => System.Text.Json.JsonSerializer.SerializeToNode(c)!).ToArray());

    /// <summary>The index of the choice equal to <paramref name="value"/>, or -1.</summary>
    public int IndexOf(JsonNode? value)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (SpaceValues.AreEqual(Choices[i], value))
            {
                return i;
            }
        }
        return -1;
    }
}
