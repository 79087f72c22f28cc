using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Schedules;

public class DecayCatalogTests
{
    [Fact]
    public void All_EveryDecayType_HasOneDescriptorAndOneRecord()
    {
        Assert.Equal(DecayTypes.All, DecayCatalog.All.Select(d => d.Type));
        Assert.Equal(DecayCatalog.All.Count, DecayCatalog.All.Select(d => d.SpecType).Distinct().Count());
        Assert.All(DecayCatalog.All, d => Assert.True(d.SpecType.IsSubclassOf(typeof(DecaySpec))));
    }

    [Fact]
    public void Parameters_EveryOne_IsAPropertyOfItsRecordWithATorchName()
    {
        foreach (var descriptor in DecayCatalog.All)
        {
            var properties = descriptor.SpecType.GetProperties()
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
            Assert.Equal(properties.Order(), descriptor.Parameters.Select(p => p.Name).Order());
            Assert.All(descriptor.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.TorchName)));
            Assert.Equal(descriptor.Parameters.Count, descriptor.Parameters.Select(p => p.TorchName).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("""{ "type": "cosine", "tMax": 7 }""", typeof(CosineDecay))]
    [InlineData("""{ "tMax": 7, "type": "cosine" }""", typeof(CosineDecay))]
    [InlineData("""{ "type": "reduceOnPlateau", "factor": 0.5 }""", typeof(ReduceOnPlateauDecay))]
    public void Json_DerivedTypesFromDescriptors_ReadAndWriteTheDiscriminator(string json, Type expected)
    {
        var decay = JsonSerializer.Deserialize<DecaySpec>(json, HyperJson.Options)!;
        var back = JsonSerializer.SerializeToNode(decay, HyperJson.Options)!;

        Assert.IsType(expected, decay);
        Assert.Equal(DecayCatalog.Of(decay).Type, back["type"]!.GetValue<string>());
    }

    [Fact]
    public void Json_UnknownType_IsRejected()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DecaySpec>("""{ "type": "banana" }""", HyperJson.Options));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(null)]
    public void DefaultSpace_SampledConfigs_PassTheScheduleValidator(int? runLength)
    {
        var space = DecayCatalog.DefaultSpace(runLength);
        var history = new List<TrialSnapshot>();

        for (var n = 1; n <= 150; n++)
        {
            var config = new RandomSampler().Sample(space, history, new SamplingContext(n, 11, ObjectiveDirection.Minimize))!;
            Assert.Empty(TrialConfigValidator.Validate(config));
            history.Add(new TrialSnapshot(n, config, TrialState.Completed, n));
        }
    }

    [Fact]
    public void DefaultBranch_RunLength_ScalesPeriodsToTheRun()
    {
        Distribution Range(string type, string name, int? n) =>
            DecayCatalog.Find(type)!.DefaultBranch(n).Params.Single(p => p.Name == name).Distribution;

        Assert.Equal(FixedDistribution.Of(40).Value.ToJsonString(), ((FixedDistribution)Range("cosine", "tMax", 40)).Value.ToJsonString());
        Assert.Equal(new IntDistribution(4, 20), Range("step", "stepSize", 40));
        Assert.Equal("[20,30]", ((FixedDistribution)Range("multiStep", "milestones", 40)).Value.ToJsonString());
        Assert.Equal("[1,2]", ((FixedDistribution)Range("multiStep", "milestones", 2)).Value.ToJsonString());
        Assert.Equal(FixedDistribution.Of(DecayDescriptor.FallbackRunLength).Value.ToJsonString(),
            ((FixedDistribution)Range("cosine", "tMax", null)).Value.ToJsonString());
    }

    public static TheoryData<string, string, double, DecaySpec> OutsideValues() => new()
    {
        { "linear", "endFactor", 1.5, new LinearDecay { EndFactor = 1.5 } },
        { "reduceOnPlateau", "factor", 1, new ReduceOnPlateauDecay { Factor = 1 } },
        { "polynomial", "power", -1, new PolynomialDecay { Power = -1 } },
        { "cosine", "tMax", 0, new CosineDecay { TMax = 0 } },
        { "exponential", "gamma", 0, new ExponentialDecay { Gamma = 0 } },
    };

    // The space reader and the validator read the same intervals: a value outside is refused by both.
    [Theory]
    [MemberData(nameof(OutsideValues))]
    public void Interval_ValueOutside_RefusedBySpaceReaderAndValidator(string type, string name, double value, DecaySpec decay)
    {
        var (_, spaceErrors) = SearchSpaceJson.Parse($$"""{ "initialLr": 0.1, "decay": { "{{type}}": { "{{name}}": {{value}} } } }""");
        var configErrors = TrialConfigValidator.Validate(new TrialConfig { InitialLr = 0.1, Decay = decay });

        Assert.Contains(spaceErrors, e => e.Path == $"decay.{type}.{name}");
        Assert.Contains(configErrors, e => e.Path == $"decay.{name}");
    }
}
