using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Workloads;

public sealed class WorkloadRegistryTests
{
    [Fact]
    public void CreateDefault_NoOptions_HasTheSixBuiltInWorkloads()
    {
        var registry = WorkloadRegistry.CreateDefault();

        Assert.Equal(["adding-problem", "fashion-cnn", "fashion-mlp", "fashion-resnet", "synthetic-regression", "two-spirals"], registry.Names.Order());
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        var registry = WorkloadRegistry.CreateDefault();

        Assert.Throws<ArgumentException>(() => registry.Add(new SyntheticRegressionWorkload()));
    }

    [Fact]
    public void Get_Unknown_ListsKnownNames()
    {
        var error = Assert.Throws<UnknownWorkloadException>(() => WorkloadRegistry.CreateDefault().Get("mnist"));

        Assert.Equal("workload", error.ParamName);
        Assert.Contains("two-spirals", error.Message);
    }

    [Fact]
    public async Task Add_CustomWorkload_TrainsThroughTheTrainer()
    {
        var registry = WorkloadRegistry.CreateDefault().Add(new XorWorkload());
        var trainer = new TorchTrainer(registry);
        var config = TrainerRun.Config(0.05, new OptimizerSpec { Type = OptimizerType.Adam });
        var last = 0.0;

        var outcome = await trainer.TrainAsync(
            TrainerRun.Request("xor", config, 300),
            r =>
            {
                last = r.ValAccuracy;
                return ValueTask.FromResult(true);
            },
            CancellationToken.None);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal(1.0, last);
    }
}
