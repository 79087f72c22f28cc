using HyperSearch.Core.Json;
using HyperSearch.Core.Validation;

namespace HyperSearch.Core.Space;

/// <summary>Reads and writes search spaces as JSON; parsing validates and reports every problem.</summary>
public static class SearchSpaceJson
{
    /// <param name="runLength">
    /// Schedule steps of the run, which scale the default ranges of decay types named without ranges
    /// (<c>"decay": ["cosine"]</c>); null when unknown (<see cref="Schedules.Decays.DecayDescriptor.FallbackRunLength"/>).
    /// The worker re-reads stored spaces without it, so stored specs rely on the fallback.
    /// </param>
    /// <returns>The space, or null with every problem found (path + message).</returns>
    public static (SearchSpace? Space, IReadOnlyList<ValidationError> Errors) Parse(string json, int? runLength = null) =>
        new SpaceReader(runLength).Read(json);

    public static string Serialize(SearchSpace space) =>
        SpaceWriter.Write(space).ToJsonString(HyperJson.Indented);
}
