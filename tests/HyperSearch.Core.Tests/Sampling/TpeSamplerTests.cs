using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;
using static HyperSearch.Core.Tests.Sampling.SamplingFixtures;

namespace HyperSearch.Core.Tests.Sampling;

public class TpeSamplerTests
{
    private static readonly SearchSpace OneD = Parse("""{ "initialLr": 0.1, "decay": ["constant"], "params": { "x": { "low": -5, "high": 5 } } }""");

    private static double X(TrialConfig c) => c.Params!["x"];

    [Fact]
    public void Sample_OneDimensionalObjective_ConcentratesNearOptimumBetterThanRandom()
    {
        double MeanDistanceOfLastHalf(ISampler sampler) => Enumerable.Range(1, 5).Average(seed =>
            Drive(sampler, OneD, 60, seed, c => Math.Pow(X(c) - 1.3, 2)).Skip(30).Average(c => Math.Abs(X(c) - 1.3)));

        var tpe = MeanDistanceOfLastHalf(new TpeSampler());
        var random = MeanDistanceOfLastHalf(new RandomSampler());

        // Uniform draws on [-5, 5] sit ~2.5 away on average; Optuna 3.1's TPE gets ~0.68 here.
        Assert.True(tpe < random / 2, $"TPE {tpe:F3} vs random {random:F3}");
    }

    [Theory]
    [InlineData(DecayTypes.Step, 0.2, false)]
    [InlineData(DecayTypes.Exponential, 0.8, false)]
    [InlineData(DecayTypes.Step, 0.2, true)]
    [InlineData(DecayTypes.Exponential, 0.8, true)]
    public void Sample_BranchesSharingParameterName_ModelEachFromItsOwnTrials(string better, double expectedGamma, bool jointShared)
    {
        var space = Parse("""
            { "initialLr": 0.1,
              "decay": { "step": { "stepSize": 10, "gamma": { "low": 0.1, "high": 0.9 } },
                         "exponential": { "gamma": { "low": 0.1, "high": 0.9 } } } }
            """);
        // Step trials are best at gamma 0.2, exponential ones at 0.8; one branch is a little better overall.
        double Objective(TrialConfig c) => (c.Decay.Type == better ? 0 : 0.05) + c.Decay switch
        {
            StepDecay s => Math.Abs(s.Gamma - 0.2),
            ExponentialDecay e => Math.Abs(e.Gamma - 0.8),
            _ => 1,
        };
        var history = Drive(new RandomSampler(), space, 80, seed: 4)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, Objective(c))).ToList();
        var sampler = new TpeSampler(new TpeOptions { JointShared = jointShared });

        var proposals = Enumerable.Range(81, 30)
            .Select(n => sampler.Sample(space, history, new SamplingContext(n, 4, ObjectiveDirection.Minimize))!.Decay).ToList();
        var gammas = proposals.Where(d => d.Type == better)
            .Select(d => d is StepDecay s ? s.Gamma : ((ExponentialDecay)d).Gamma).ToList();

        Assert.True(gammas.Count >= 20, $"only {gammas.Count} of 30 proposals chose the better branch");
        Assert.InRange(gammas.Average(), expectedGamma - 0.15, expectedGamma + 0.15);
    }

    [Fact]
    public void Sample_DecayParameterOptimumMovesWithLr_ConditionedDrawFollowsTheRidge()
    {
        var space = Parse("""
            { "initialLr": { "low": 1e-3, "high": 1, "log": true },
              "decay": { "exponential": { "gamma": { "low": 0.9, "high": 0.999 } } } }
            """);
        // What matters is the LR after 100 epochs, lr·γ^100, so the best γ depends on the LR (a ridge).
        static double Miss(TrialConfig c) => Math.Abs(Math.Log10(c.InitialLr) + 100 * Math.Log10(((ExponentialDecay)c.Decay).Gamma) + 3);
        double MeanMiss(bool conditioned) => Enumerable.Range(1, 3).Average(seed =>
        {
            var history = Drive(new RandomSampler(), space, 60, seed)
                .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, Miss(c))).ToList();
            var sampler = new TpeSampler(new TpeOptions { ConditionBranchOnShared = conditioned });
            return Enumerable.Range(61, 30)
                .Average(n => Miss(sampler.Sample(space, history, new SamplingContext(n, seed, ObjectiveDirection.Minimize))!));
        });

        var conditioned = MeanMiss(true);
        var independent = MeanMiss(false);

        Assert.True(conditioned < independent, $"mean distance from the ridge: conditioned {conditioned:F3}, independent {independent:F3}");
    }

    [Fact]
    public void Sample_GoodTrialsAllOfOneDecayType_AlternatingChoiceStillTriesTheOthers()
    {
        // The benchmark's optimizer-lr objective (scripts/bench/samplers/report_objectives.py): Adam
        // is best at lr 1e-3 (0.05), SGD on the ridge lr/(1 − momentum) = 10^−0.5 (0); cosine adds
        // nothing, step 0.05, constant 0.2. With seed 14 the start-up's best trial is constant/Adam,
        // and the joint type choice then proposed constant in 88 of the next 90 trials (with the
        // normalised kernels of the time; it still locks in with the unnormalised ones).
        var space = Parse("""
            { "initialLr": { "low": 1e-5, "high": 1, "log": true },
              "decay": { "constant": {}, "cosine": { "tMax": { "type": "int", "low": 10, "high": 200 } },
                         "step": { "stepSize": { "type": "int", "low": 5, "high": 50 }, "gamma": { "low": 0.1, "high": 0.9 } } },
              "optimizer": { "type": ["sgd", "adam"], "momentum": { "low": 0, "high": 0.99 } },
              "warmup": { "steps": { "type": "int", "low": 0, "high": 5 }, "startFactor": 0.1 } }
            """);
        static double Objective(TrialConfig c)
        {
            var z = Math.Log10(c.InitialLr);
            var value = c.Optimizer!.Type == OptimizerType.Adam
                ? 0.05 + 0.5 * Math.Pow(z + 3, 2)
                : 0.5 * Math.Pow(z - Math.Log10(1 - c.Optimizer.Momentum) + 0.5, 2) + 0.1 * Math.Pow(c.Optimizer.Momentum - 0.9, 2);
            value += c.Decay switch
            {
                CosineDecay cosine => 0.1 * Math.Pow(Math.Log(cosine.TMax / 100.0), 2),
                StepDecay step => 0.05 + 0.1 * Math.Pow(Math.Log(step.StepSize / 30.0), 2) + 0.5 * Math.Pow(step.Gamma - 0.3, 2),
                _ => 0.2,
            };
            return value + 0.2 * Math.Max(0, z + 2) * (5 - (c.Warmup?.Steps ?? 0)) / 5;
        }
        (int OtherTypes, double Best) Run(TpeDecayTypeChoice choice)
        {
            var configs = Drive(new TpeSampler(new TpeOptions { DecayTypeChoice = choice }), space, 60, seed: 14, Objective);
            return (configs.Skip(20).Count(c => c.Decay.Type != DecayTypes.Constant), configs.Min(Objective));
        }

        var joint = Run(TpeDecayTypeChoice.Joint);
        var alternating = Run(TpeDecayTypeChoice.Alternating);

        Assert.True(alternating.OtherTypes >= 10, $"alternating: {alternating.OtherTypes} of trials 21–60 not constant (joint: {joint.OtherTypes})");
        Assert.True(alternating.Best < 0.2, $"alternating's best {alternating.Best:F3}: never left constant decay (0.2 + Adam's 0.05)");
        Assert.True(joint.OtherTypes < alternating.OtherTypes / 2, $"joint {joint.OtherTypes}, alternating {alternating.OtherTypes}: the case no longer shows the lock-in");
    }

    [Fact]
    public void Sample_BeforeJointModelFrom_ProposesAsIndependentTpe()
    {
        List<TrialSnapshot> History(int n) => Drive(new RandomSampler(), ConditionalSpace, n, seed: 6)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, Objective(c))).ToList();
        string Propose(TpeOptions options, List<TrialSnapshot> history, int number) => ToJson(new TpeSampler(options)
            .Sample(ConditionalSpace, history, new SamplingContext(number, 6, ObjectiveDirection.Minimize))!);
        var independent = new TpeOptions { JointShared = false };
        var numbers = Enumerable.Range(0, 6).ToList();

        var early = History(15);
        var late = History(20);

        Assert.All(numbers, k => Assert.Equal(Propose(independent, early, 16 + k), Propose(TpeOptions.Default, early, 16 + k)));
        Assert.Contains(numbers, k => Propose(independent, late, 21 + k) != Propose(TpeOptions.Default, late, 21 + k));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sample_GoodSetRepeatsOneResult_ScoresWithNormalisedKernels(bool plateau)
    {
        // 40 trials: γ(40) = 4 good ones; on a plateau all four returned exactly the same loss.
        var configs = Drive(new RandomSampler(), ConditionalSpace, 40, seed: 8);
        var best = configs.Select(Objective).Order().Take(4).ToHashSet();
        var history = configs.Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed,
            plateau && best.Contains(Objective(c)) ? 0.5 : Objective(c))).ToList();
        string Propose(TpeOptions options, int number) => ToJson(new TpeSampler(options)
            .Sample(ConditionalSpace, history, new SamplingContext(number, 8, ObjectiveDirection.Minimize))!);
        var normalised = new TpeOptions { OmitKernelScale = false };
        var unnormalised = new TpeOptions { PlateauRepeats = 0 };
        var numbers = Enumerable.Range(41, 6).ToList();

        Assert.All(numbers, n => Assert.Equal(Propose(plateau ? normalised : unnormalised, n), Propose(TpeOptions.Default, n)));
        Assert.Contains(numbers, n => Propose(normalised, n) != Propose(unnormalised, n));
    }

    [Fact]
    public void Sample_OnlyFailedHistory_StartsLikeRandom()
    {
        var history = Drive(new RandomSampler(), ConditionalSpace, 20, seed: 5)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Failed, null)).ToList();
        var context = new SamplingContext(21, 5, ObjectiveDirection.Minimize);

        var tpe = new TpeSampler().Sample(ConditionalSpace, history, context);
        var random = new RandomSampler().Sample(ConditionalSpace, history, context);

        Assert.Equal(ToJson(random!), ToJson(tpe!));
    }

    [Theory]
    [InlineData(TrialState.Running)]
    [InlineData(TrialState.Queued)]
    public void Sample_UnfinishedTrials_CountAsWorstResults(TrialState unfinished)
    {
        var history = Drive(new RandomSampler(), OneD, 30, seed: 6)
            .Select((c, i) => new TrialSnapshot(i + 1, c, TrialState.Completed, Math.Abs(X(c) - 1.3))).ToList();
        var best = history.MinBy(t => t.Value)!.Config;
        List<TrialSnapshot> With(TrialState state) =>
            [.. history, .. Enumerable.Range(31, 5).Select(n => new TrialSnapshot(n, best, state, null))];
        var sampler = new TpeSampler();
        string Proposal(IReadOnlyList<TrialSnapshot> h, int n) =>
            ToJson(sampler.Sample(OneD, h, new SamplingContext(n, 6, ObjectiveDirection.Minimize))!);

        var trials = Enumerable.Range(36, 10).ToList();
        var asUnfinished = trials.Select(n => Proposal(With(unfinished), n)).ToList();

        // The constant liar: an unfinished trial weighs exactly like a diverged (worst) one ...
        Assert.Equal(trials.Select(n => Proposal(With(TrialState.Diverged), n)), asUnfinished);
        // ... and so it does change the proposals, steering parallel slots away from each other.
        Assert.NotEqual(trials.Select(n => Proposal(history, n)), asUnfinished);
    }

    [Fact]
    public void Sample_Maximize_ConcentratesNearMaximum()
    {
        var configs = Drive(new TpeSampler(), OneD, 60, seed: 7, c => -Math.Abs(X(c) + 2), ObjectiveDirection.Maximize);

        Assert.InRange(configs.Skip(40).Select(X).Order().ElementAt(10), -3, -1);
    }
}
