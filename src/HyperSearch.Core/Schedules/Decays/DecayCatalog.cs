using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>The decay types: one <see cref="DecayDescriptor"/> each, in the order lists show them.</summary>
public static class DecayCatalog
{
    public static IReadOnlyList<DecayDescriptor> All { get; } =
    [
        new ConstantDecayDescriptor(), new StepDecayDescriptor(), new MultiStepDecayDescriptor(),
        new ExponentialDecayDescriptor(), new CosineDecayDescriptor(), new CosineWarmRestartsDecayDescriptor(),
        new PolynomialDecayDescriptor(), new LinearDecayDescriptor(), new InverseTimeDecayDescriptor(),
        new OneCycleDecayDescriptor(), new CyclicDecayDescriptor(), new ReduceOnPlateauDecayDescriptor(),
        new PiecewiseDecayDescriptor(),
    ];

    private static readonly Dictionary<string, DecayDescriptor> ByType = All.ToDictionary(d => d.Type, StringComparer.Ordinal);
    private static readonly Dictionary<Type, DecayDescriptor> BySpec = All.ToDictionary(d => d.SpecType);

    /// <returns>The descriptor of <paramref name="type"/>, or null for an unknown type.</returns>
    public static DecayDescriptor? Find(string? type) => type is not null && ByType.TryGetValue(type, out var d) ? d : null;

    public static DecayDescriptor Of(DecaySpec spec) =>
        BySpec.TryGetValue(spec.GetType(), out var d) ? d : throw new ArgumentException($"unknown decay record {spec.GetType().Name}", nameof(spec));

    /// <summary>
    /// A space over every decay type with the default ranges for a run of <paramref name="runLength"/>
    /// schedule steps (null: unknown, e.g. per-batch schedules; see <see cref="DecayDescriptor.FallbackRunLength"/>).
    /// </summary>
    /// <summary>
    /// The default ranges of every type as a space's <c>"decay"</c> object, keyed by type: what the
    /// REST API (<c>GET /api/decays/defaults</c>), the CLI (<c>hypersearch decays</c>) and the form show.
    /// </summary>
    public static JsonObject DefaultRanges(int? runLength = null) =>
        (JsonObject)SpaceWriter.Write(DefaultSpace(runLength))["decay"]!.DeepClone();

    public static SearchSpace DefaultSpace(int? runLength = null) => new()
    {
        InitialLr = TrialParameters.InitialLr.Default!,
        Decay = All.Select(d => d.DefaultBranch(runLength)).ToArray(),
    };
}
