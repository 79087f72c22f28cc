using System.Text.Json.Nodes;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Space;

namespace HyperSearch.Web.Launch;

/// <summary>
/// The launch form's decay rows, pre-filled from each type's descriptor (Core's
/// <see cref="DecayCatalog"/>) with the default ranges for the form's number of epochs — the same
/// ranges the REST API and the CLI show. Only converts them into the form's editable rows.
/// </summary>
public static class DecayFormDefaults
{
    public static List<DecayChoice> CreateAll(int epochs) =>
        [.. DecayCatalog.All.Select(d => new DecayChoice { Type = d.Type, Parameters = Defaults(d.Type, epochs) })];

    public static bool AreDefaults(DecayChoice decay, int epochs)
    {
        var defaults = Defaults(decay.Type, epochs);
        return defaults.Count == decay.Parameters.Count && defaults.Zip(decay.Parameters).All(pair =>
            pair.First.Name == pair.Second.Name
            && LaunchSpecWriter.Distribution(pair.First).ToJsonString() == LaunchSpecWriter.Distribution(pair.Second).ToJsonString());
    }

    public static List<ParamRange> Defaults(string decayType, int epochs) =>
        DecayCatalog.Find(decayType) is { } descriptor
            ? [.. descriptor.DefaultBranch(epochs).Params.Select(p => Row(p.Name, p.Distribution))]
            : [];

    private static ParamRange Row(string name, Distribution distribution) => distribution switch
    {
        FloatDistribution f => ParamRange.Float(name, f.Low, f.High, f.Log),
        IntDistribution i => ParamRange.Int(name, i.Low, i.High),
        CategoricalDistribution c => ParamRange.Choice(name, string.Join(", ", c.Choices.Select(Text))),
        FixedDistribution x => ParamRange.Fixed(name, Text(x.Value)),
        _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "unknown distribution"),
    };

    // Words as the user types them (cos, not "cos"); numbers and lists as JSON.
    private static string Text(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var word) ? word : node.ToJsonString();
}
