using HyperSearch.Core.Configuration;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Tests.Workloads;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

public sealed class TrainerErrorTests
{
    [Fact]
    public async Task TrainAsync_UnknownWorkload_NamesWorkloadField()
    {
        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(
            () => TrainerRun.RunAsync(TrainerRun.Request("no-such-workload", TrainerRun.Config(0.1), 1)));

        Assert.Contains(error.Errors, e => e.Path == "workload" && e.Message.Contains("fashion-mlp"));
    }

    [Theory]
    [InlineData("cuda:7")]
    [InlineData("tpu")]
    [InlineData("")]
    public async Task TrainAsync_UnavailableDevice_NamesDeviceField(string device)
    {
        var request = TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, TrainerRun.Config(0.1), 1) with { Device = device };

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => TrainerRun.RunAsync(request));

        Assert.Contains(error.Errors, e => e.Path == "device");
    }

    [Fact]
    public async Task TrainAsync_BadFields_ReportsEveryField()
    {
        var config = TrainerRun.Config(-1, new OptimizerSpec { Nesterov = true }) with
        {
            BatchSize = 0,
            GradClipNorm = double.NaN,
            GradClipValue = 0,
            LayerLrMultipliers = [1, 1],
        };
        var request = TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, config, 0) with { Threads = 0 };

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => TrainerRun.RunAsync(request));

        Assert.Equal(
            ["config.batchSize", "config.gradClipNorm", "config.gradClipValue", "config.initialLr", "config.optimizer.nesterov", "epochs", "threads"],
            error.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public async Task TrainAsync_MoreLayerMultipliersThanLayers_NamesField()
    {
        var config = TrainerRun.Config(0.1) with { LayerLrMultipliers = [1, 1] };

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(
            () => TrainerRun.RunAsync(TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, config, 1)));

        Assert.Equal("config.layerLrMultipliers", Assert.Single(error.Errors).Path);
        Assert.Contains("has 1 layers", error.Errors[0].Message);
    }

    [Theory]
    [InlineData(BrokenWorkload.Fault.DataTask, "its train data is for Regression but the workload declares Classification")]
    [InlineData(BrokenWorkload.Fault.FactoryThrows, "CreateModel failed: params.hidden: must be an integer")]
    [InlineData(BrokenWorkload.Fault.WrongShape, "the model returned a Float32 tensor of shape [2, 3] for a batch of 2; expected Float32 [2, 2]")]
    [InlineData(BrokenWorkload.Fault.LoadDataThrows, "LoadData failed: disk on fire")]
    public async Task TrainAsync_BrokenWorkload_FailsNamingWorkloadAndProblem(BrokenWorkload.Fault fault, string problem)
    {
        var registry = new WorkloadRegistry([new BrokenWorkload(fault)]);
        var trainer = new TorchTrainer(registry, c => new RecordingScheduler(c.InitialLr));
        var request = TrainerRun.Request("broken", TrainerRun.Config(0.1) with { Params = new Dictionary<string, double> { ["hidden"] = 2.5 } }, 1);

        var error = await Assert.ThrowsAsync<WorkloadException>(
            () => trainer.TrainAsync(request, _ => ValueTask.FromResult(true), CancellationToken.None));

        Assert.StartsWith("workload 'broken': ", error.Message);
        Assert.Contains(problem, error.Message);
    }
}
