using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

public sealed class OptimizerTests
{
    public static TheoryData<string, OptimizerSpec, double> Optimizers => new()
    {
        { "sgd", new OptimizerSpec(), 0.05 },
        { "momentum", new OptimizerSpec { Momentum = 0.9 }, 0.01 },
        { "nesterov", new OptimizerSpec { Momentum = 0.9, Nesterov = true }, 0.01 },
        { "sgd+wd", new OptimizerSpec { WeightDecay = 1e-4 }, 0.05 },
        { "adam", new OptimizerSpec { Type = OptimizerType.Adam }, 0.05 },
        { "adamw", new OptimizerSpec { Type = OptimizerType.AdamW, WeightDecay = 0.01 }, 0.05 },
        { "rmsprop", new OptimizerSpec { Type = OptimizerType.RmsProp }, 0.05 },
        { "adagrad", new OptimizerSpec { Type = OptimizerType.Adagrad }, 0.3 },
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public async Task TrainAsync_EachOptimizer_ReducesRegressionLoss(string name, OptimizerSpec optimizer, double lr)
    {
        var request = TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, TrainerRun.Config(lr, optimizer), 3);

        var (outcome, epochs) = await TrainerRun.RunAsync(request);

        Assert.Equal(TrialState.Completed, outcome.State);
        // An untrained line has MSE ≈ 4-13 here; every optimizer must get well below 1 in 3 epochs.
        Assert.True(epochs[^1].ValLoss < 0.5, $"{name}: val loss {epochs[^1].ValLoss}");
        Assert.True(epochs[^1].ValLoss < epochs[0].TrainLoss, $"{name} did not improve");
    }

    [Fact]
    public async Task TrainAsync_DifferentOptimizers_DifferentCurves()
    {
        var sgd = await TrainerRun.RunAsync(TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, TrainerRun.Config(0.01), 1));
        var adam = await TrainerRun.RunAsync(TrainerRun.Request(
            SyntheticRegressionWorkload.WorkloadName, TrainerRun.Config(0.01, new OptimizerSpec { Type = OptimizerType.Adam }), 1));

        Assert.NotEqual(sgd.Epochs[0].ValLoss, adam.Epochs[0].ValLoss);
    }
}
