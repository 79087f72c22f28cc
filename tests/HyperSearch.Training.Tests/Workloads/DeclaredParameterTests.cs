using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Workloads;

/// <summary>What a workload's declaration does in the registry and the trainer (issue 30).</summary>
public sealed class DeclaredParameterTests
{
    private static readonly WorkloadParameter Hidden = WorkloadParameter.Int("hidden", 1, 64, 8, "units");

    [Fact]
    public void Add_BadDeclaration_RefusedWithEveryProblem()
    {
        var bad = new DeclaredWorkload([WorkloadParameter.Int("hidden", 64, 1, 8, ""), Hidden, WorkloadParameter.Float("p", 0, 1, 2, "")]);

        var error = Assert.Throws<ArgumentException>(() => new WorkloadRegistry([]).Add(bad));

        Assert.StartsWith("workload 'declared' declares bad parameters: hidden: needs finite Low ≤ High; p: Default must be a number in [0, 1]; got 2; hidden: declared twice", error.Message);
    }

    [Fact]
    public void Describe_DeclaringAndUndeclaredWorkloads_CarryTheirDeclarations()
    {
        var registry = WorkloadRegistry.CreateDefault().Add(new DeclaredWorkload([Hidden], WorkloadParameters.BatchSize(4, 4))).Add(new XorWorkload());

        var infos = registry.Describe().ToDictionary(w => w.Name);

        Assert.Equal([Hidden], infos["declared"].Parameters);
        Assert.Equal(4, infos["declared"].BatchSize!.High);
        Assert.Null(infos["xor"].Parameters);
        Assert.Empty(infos["synthetic-regression"].Parameters!);
        Assert.Equal(["cell", "hidden", "layers"], infos["adding-problem"].Parameters!.Select(p => p.Name));
        // Every built-in's declaration is sound, and its default is what the model reads when the trial has none.
        Assert.All(infos.Values.SelectMany(w => (w.Parameters ?? []).Append(w.BatchSize).OfType<WorkloadParameter>()), p => Assert.Empty(p.Problems()));
    }

    [Fact]
    public async Task TrainAsync_MisspeltOrOutOfRangeDeclaredParameter_RefusedBeforeTrainingNamingTheField()
    {
        var trainer = new TorchTrainer(new WorkloadRegistry([new DeclaredWorkload([Hidden], WorkloadParameters.BatchSize(4, 4))]));
        var request = new TrainingRequest
        {
            Workload = "declared", Epochs = 1, Device = "cpu", Threads = 1,
            Config = new TrialConfig { InitialLr = 0.1, Decay = new ConstantDecay(), BatchSize = 8, Params = new Dictionary<string, double> { ["hiden"] = 4, ["hidden"] = 100 } },
        };
        var epochs = 0;

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => trainer.TrainAsync(request, _ => { epochs++; return ValueTask.FromResult(true); }, CancellationToken.None));

        Assert.Equal(
        [
            "config.params.hiden: unknown parameter of workload 'declared'; did you mean 'hidden'? (known: hidden)",
            "config.params.hidden: must be an integer in [1, 64]; got 100",
            "config.batchSize: must be an integer in [1, 4]; got 8",
        ], error.Errors.Select(e => e.ToString()));
        Assert.Equal(0, epochs);
    }

    [Fact]
    public async Task TrainAsync_UndeclaredWorkloadWithAStrayParameter_TrainsAsBefore()
    {
        var trainer = new TorchTrainer(new WorkloadRegistry([new XorWorkload()]));
        var request = new TrainingRequest
        {
            Workload = "xor", Epochs = 1, Device = "cpu", Threads = 1,
            Config = new TrialConfig { InitialLr = 0.1, Decay = new ConstantDecay(), Params = new Dictionary<string, double> { ["hiden"] = 4 } },
        };

        var outcome = await trainer.TrainAsync(request, _ => ValueTask.FromResult(true), CancellationToken.None);

        Assert.Equal(TrialState.Completed, outcome.State);
    }
}
