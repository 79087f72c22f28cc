using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Tests.Workloads;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

/// <summary>
/// Dropout masks are random: a trial must draw them from its own generator, so that a second trial
/// in another slot of the same process cannot change its curve.
/// </summary>
public sealed class DropoutDeterminismTests
{
    private static TrainingRequest WithDropout(double dropout, int seed, int epochs) => TrainerRun.Request(
        TwoSpiralsWorkload.WorkloadName,
        TrainerRun.Config(0.05, new OptimizerSpec { Momentum = 0.9 }) with { Params = new Dictionary<string, double> { ["dropout"] = dropout } },
        epochs,
        seed);

    [Fact]
    public async Task TrainAsync_DropoutTrialNextToAnother_SameCurveAsAlone()
    {
        var trial = WithDropout(0.3, seed: 7, epochs: 3);
        var neighbour = WithDropout(0.5, seed: 8, epochs: 4);

        var (_, alone) = await TrainerRun.RunAsync(trial);
        var together = await Task.WhenAll(TrainerRun.RunAsync(trial), TrainerRun.RunAsync(neighbour), TrainerRun.RunAsync(trial));

        Assert.Equal(Curve(alone), Curve(together[0].Epochs));
        Assert.Equal(Curve(alone), Curve(together[2].Epochs));
    }

    [Fact]
    public async Task TrainAsync_TorchSharpDropoutModelNextToAnother_SameCurveAsAlone()
    {
        // A plug-in's model with nn.Dropout: its masks come from the default generator, swapped per trial.
        var trial = TrainerRun.Request(TorchDropoutWorkload.WorkloadName, TrainerRun.Config(0.05), 3, seed: 7);

        var (_, alone) = await TrainerRun.RunAsync(trial);
        var together = await Task.WhenAll(TrainerRun.RunAsync(trial), TrainerRun.RunAsync(WithDropout(0.5, seed: 8, epochs: 4)), TrainerRun.RunAsync(trial with { Seed = 9 }));

        Assert.Equal(Curve(alone), Curve(together[0].Epochs));
        Assert.NotEqual(Curve(alone), Curve(together[2].Epochs));
    }

    [Fact]
    public async Task TrainAsync_Dropout_ChangesCurveAndSeedChangesMasks()
    {
        // Guards the test above: dropout is really active, and its masks follow the seed.
        var (_, plain) = await TrainerRun.RunAsync(WithDropout(0, seed: 7, epochs: 1));
        var (_, dropped) = await TrainerRun.RunAsync(WithDropout(0.3, seed: 7, epochs: 1));
        var (_, again) = await TrainerRun.RunAsync(WithDropout(0.3, seed: 7, epochs: 1));

        Assert.NotEqual(Curve(plain), Curve(dropped));
        Assert.Equal(Curve(dropped), Curve(again));
    }

    private static List<(double, double, double)> Curve(List<EpochReport> epochs) =>
        epochs.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)).ToList();
}
