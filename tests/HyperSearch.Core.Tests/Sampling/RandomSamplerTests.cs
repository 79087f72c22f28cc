using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Sampling;

public class RandomSamplerTests
{
    [Fact]
    public void Sample_SameSeedAndTrial_SameConfigWhateverTheHistory()
    {
        var history = Drive(new RandomSampler(), ConditionalSpace, 10, seed: 9)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, i)).ToList();
        var context = new SamplingContext(11, 9, ObjectiveDirection.Minimize);

        var withHistory = new RandomSampler().Sample(ConditionalSpace, history, context);
        var without = new RandomSampler().Sample(ConditionalSpace, [], context);

        Assert.Equal(ToJson(withHistory!), ToJson(without!));
    }

    [Fact]
    public void Sample_LogRange_SpreadsEvenlyOverDecades()
    {
        var space = Parse("""{ "initialLr": { "low": 1e-4, "high": 1 }, "decay": ["constant"] }""");
        var decades = Drive(new RandomSampler(), space, 2000, seed: 1)
            .GroupBy(c => (int)Math.Floor(Math.Log10(c.InitialLr))).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(new[] { -4, -3, -2, -1 }, d => Assert.InRange(decades[d], 400, 600));
    }

    [Fact]
    public void Sample_EveryDefaultBranch_ProducesValidTrialConfig()
    {
        var space = DecayCatalog.DefaultSpace();
        var configs = Drive(new RandomSampler(), space, 300, seed: 2);

        Assert.Equal(DecayTypes.All.Order(), configs.Select(c => c.Decay.Type).Distinct().Order());
        Assert.All(configs, c => SpaceAssert.Contains(space, c));
    }
}
