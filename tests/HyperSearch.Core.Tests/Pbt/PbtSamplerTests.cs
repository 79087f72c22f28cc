using HyperSearch.Core.Configuration;
using HyperSearch.Core.Pbt;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using HyperSearch.Core.Tests.Sampling;

namespace HyperSearch.Core.Tests.Pbt;

public class PbtSamplerTests
{
    private static readonly SearchSpace Space = SamplingFixtures.Parse("""
        {
          "initialLr": { "low": 1e-3, "high": 1 },
          "decay": { "step": { "stepSize": { "low": 2, "high": 20 }, "gamma": { "low": 0.1, "high": 0.9 } } },
          "pbt": { "population": 4, "interval": 3, "fraction": 0.25, "perturbFactors": [0.8, 1.2] }
        }
        """);

    private static SamplingContext Context(int number) => new(number, 11, ObjectiveDirection.Minimize);

    /// <summary>Four members' generation 0, finished with the given objective values (trial ids = 100 + number).</summary>
    private static List<TrialSnapshot> FirstGeneration(params double[] values)
    {
        var sampler = new PbtSampler(epochs: 9);
        var history = new List<TrialSnapshot>();
        for (var n = 1; n <= 4; n++)
        {
            var config = sampler.Sample(Space, history, Context(n))!;
            history.Add(new TrialSnapshot(n, config, TrialState.Running, null, 100 + n));
        }
        return history.Select((t, i) => t with { State = TrialState.Completed, Value = values[i] }).ToList();
    }

    [Fact]
    public void Sample_FirstPopulation_StartsEachMemberFromScratch()
    {
        var history = FirstGeneration(1, 2, 3, 4);

        Assert.Equal([0, 1, 2, 3], history.Select(t => t.Config.Pbt!.Member));
        Assert.All(history, t =>
        {
            Assert.Equal(0, t.Config.Pbt!.Generation);
            Assert.Equal((0, 3), (t.Config.Pbt.StartEpoch, t.Config.Pbt.EndEpoch));
            Assert.Null(t.Config.Pbt.ParentNumber);
        });
        Assert.Equal(4, history.Select(t => t.Config.InitialLr).Distinct().Count());
    }

    [Fact]
    public void Sample_BottomMember_CopiesTopMemberAndPerturbsItsLr()
    {
        // Member 0 is the worst, member 1 the best (minimize); fraction 0.25 of 4 = one each.
        var history = FirstGeneration(4, 1, 2, 3);
        var top = history[1];

        var next = new PbtSampler(epochs: 9).Sample(Space, history, Context(5))!;

        var lineage = next.Pbt!;
        Assert.Equal((0, 1, 1), (lineage.Member, lineage.Generation, lineage.CopiedFromMember!.Value));
        Assert.Equal((top.Number, top.Id), (lineage.ParentNumber!.Value, lineage.ParentTrialId!.Value));
        Assert.Equal((3, 6), (lineage.StartEpoch, lineage.EndEpoch));
        var ratio = next.InitialLr / top.Config.InitialLr;
        Assert.True(Math.Abs(ratio - 0.8) < 1e-12 || Math.Abs(ratio - 1.2) < 1e-12 || next.InitialLr is 1e-3 or 1, $"ratio {ratio}");
        var (d, t) = ((StepDecay)next.Decay, (StepDecay)top.Config.Decay);
        Assert.NotEqual(t.StepSize, d.StepSize);
        SpaceAssert.Contains(Space, next);
    }

    [Fact]
    public void Sample_MemberAboveBottom_ContinuesItselfUnchanged()
    {
        // Member 0 is the best now: it continues from its own checkpoint with its own config.
        var history = FirstGeneration(1, 2, 3, 4);

        var next = new PbtSampler(epochs: 9).Sample(Space, history, Context(5))!;

        Assert.Equal(history[0].Config with { Pbt = null }, next with { Pbt = null });
        Assert.Equal(new PbtLineage { Member = 0, Generation = 1, StartEpoch = 3, EndEpoch = 6, ParentNumber = 1, ParentTrialId = 101 }, next.Pbt);
    }

    [Fact]
    public void Sample_DivergedMember_CopiesATopMemberWhateverTheFraction()
    {
        var history = FirstGeneration(1, 2, 3, 4);
        history[0] = history[0] with { State = TrialState.Diverged, Value = null };

        var next = new PbtSampler(epochs: 9).Sample(Space, history, Context(5))!;

        Assert.Equal(0, next.Pbt!.Member);
        Assert.Equal(1, next.Pbt.CopiedFromMember);
    }

    [Fact]
    public void Sample_Maximize_TopIsTheHighestValue()
    {
        var history = FirstGeneration(4, 1, 2, 3);

        var next = new PbtSampler(epochs: 9).Sample(Space, history, new SamplingContext(5, 11, ObjectiveDirection.Maximize))!;

        // Member 0 (value 4) is the best when maximizing: it continues itself.
        Assert.Null(next.Pbt!.CopiedFromMember);
        Assert.Equal(0, next.Pbt.Member);
    }

    [Fact]
    public void Sample_EveryMemberStillTraining_AsksToWait()
    {
        var history = FirstGeneration(1, 2, 3, 4).Select(t => t with { State = TrialState.Running, Value = null }).ToList();

        Assert.Throws<SamplerWaitingException>(() => new PbtSampler(epochs: 9).Sample(Space, history, Context(5)));
    }

    [Fact]
    public void Sample_GenerationNotFinished_FinishedMembersWaitForIt()
    {
        // Members 0–2 finished generation 0; member 3 still trains it: nobody is ranked yet.
        var history = FirstGeneration(1, 2, 3, 4);
        history[3] = history[3] with { State = TrialState.Running, Value = null };

        Assert.Throws<SamplerWaitingException>(() => new PbtSampler(epochs: 9).Sample(Space, history, Context(5)));
    }

    [Fact]
    public void Sample_MemberAhead_WaitsWhileALaterMemberCatchesUp()
    {
        // Member 0 already finished generation 1; member 1 is the next one that may go (generation 0 is complete).
        var history = FirstGeneration(1, 2, 3, 4);
        var sampler = new PbtSampler(epochs: 9);
        var second = sampler.Sample(Space, history, Context(5))!;
        history.Add(new TrialSnapshot(5, second, TrialState.Completed, 0.5, 105));

        var next = sampler.Sample(Space, history, Context(6))!;

        Assert.Equal((1, 1), (next.Pbt!.Member, next.Pbt.Generation));
    }

    [Fact]
    public void Sample_Ranking_ComparesSegmentsOfTheSameGeneration()
    {
        // Generation 0: member 0 worst (4), member 1 third (3). Member 0 then reached 0.05 in generation 1.
        // Ranked against the latest segments member 1 would be the worst; against generation 0 it is not.
        var history = FirstGeneration(4, 3, 1, 2);
        var gen1 = new PbtLineage { Member = 0, Generation = 1, StartEpoch = 3, EndEpoch = 6, ParentNumber = 3, ParentTrialId = 103, CopiedFromMember = 2 };
        history.Add(new TrialSnapshot(5, history[2].Config with { Pbt = gen1 }, TrialState.Completed, 0.05, 105));

        var next = new PbtSampler(epochs: 9).Sample(Space, history, Context(6))!;

        Assert.Equal((1, (int?)null), (next.Pbt!.Member, next.Pbt.CopiedFromMember));
    }

    [Fact]
    public void Sample_EveryMemberAtTheLastEpoch_IsExhausted()
    {
        var history = FirstGeneration(1, 2, 3, 4);

        Assert.Null(new PbtSampler(epochs: 3).Sample(Space, history, Context(5)));
    }

    [Fact]
    public void Sample_LastSegment_EndsAtTheRunLength()
    {
        var history = FirstGeneration(1, 2, 3, 4);

        var next = new PbtSampler(epochs: 5).Sample(Space, history, Context(5))!;

        Assert.Equal((3, 5), (next.Pbt!.StartEpoch, next.Pbt.EndEpoch));
    }

    [Theory]
    [InlineData("""{ "population": 1 }""", "pbt.population")]
    [InlineData("""{ "interval": 0 }""", "pbt.interval")]
    [InlineData("""{ "fraction": 0.7 }""", "pbt.fraction")]
    [InlineData("""{ "perturbFactors": [0.8, -1] }""", "pbt.perturbFactors")]
    [InlineData("""{ "populaton": 4 }""", "pbt.populaton")]
    public void SpaceReader_BadPbtSetting_NamesTheField(string pbt, string path)
    {
        var (_, errors) = SearchSpaceJson.Parse($$"""{ "initialLr": 0.1, "pbt": {{pbt}} }""");

        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void SpaceJson_PbtSection_RoundTrips()
    {
        var (space, errors) = SearchSpaceJson.Parse(SearchSpaceJson.Serialize(Space));

        Assert.Empty(errors);
        Assert.Equal(Space.Pbt!.PerturbFactors, space!.Pbt!.PerturbFactors);
        Assert.Equal(Space.Pbt with { PerturbFactors = [] }, space.Pbt with { PerturbFactors = [] });
    }
}
