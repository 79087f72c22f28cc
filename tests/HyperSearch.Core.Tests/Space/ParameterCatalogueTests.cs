using System.Reflection;
using System.Text.Json.Serialization;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Space;

public class ParameterCatalogueTests
{
    [Fact]
    public void Decay_EveryType_HasCatalogueEntry()
    {
        Assert.Equal(DecayTypes.All.Order(), ParameterCatalogue.Decay.Keys.Order());
    }

    [Fact]
    public void Decay_EveryParameter_IsAPropertyOfItsDecaySpecRecord()
    {
        var records = typeof(DecaySpec).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType);

        foreach (var (type, infos) in ParameterCatalogue.Decay)
        {
            var properties = records[type].GetProperties()
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);
            Assert.Equal(properties.Order(), infos.Select(i => i.Name).Order());
        }
    }

    [Fact]
    public void DefaultSpace_SampledConfigs_PassTheScheduleValidator()
    {
        var space = ParameterCatalogue.DefaultSpace();
        var history = new List<TrialSnapshot>();

        for (var n = 1; n <= 200; n++)
        {
            var config = new RandomSampler().Sample(space, history, new SamplingContext(n, 11, ObjectiveDirection.Minimize))!;
            Assert.Empty(TrialConfigValidator.Validate(config));
            history.Add(new TrialSnapshot(n, config, TrialState.Completed, n));
        }
    }
}
