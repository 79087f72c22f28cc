using HyperSearch.Core.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Space;

/// <summary>Reads and writes search spaces as JSON; parsing validates and reports every problem.</summary>
public static class SearchSpaceJson
{
    /// <returns>The space, or null with every problem found (path + message).</returns>
    public static (SearchSpace? Space, IReadOnlyList<ValidationError> Errors) Parse(string json) =>
        new SpaceReader().Read(json);

    public static string Serialize(SearchSpace space) =>
        SpaceWriter.Write(space).ToJsonString(HyperJson.Indented);
}
