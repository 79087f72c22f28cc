using HyperSearch.Core.Configuration;
using HyperSearch.Training.Tests.Support;
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
            LayerLrMultipliers = [1, 1],
        };
        var request = TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, config, 0) with { Threads = 0 };

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => TrainerRun.RunAsync(request));

        Assert.Equal(
            ["config.batchSize", "config.gradClipNorm", "config.initialLr", "config.layerLrMultipliers", "config.optimizer.nesterov", "epochs", "threads"],
            error.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public async Task TrainAsync_WorkloadDataNotFittingModel_ClearError()
    {
        var registry = new WorkloadRegistry([new MismatchedWorkload()]);
        var trainer = new TorchTrainer(registry, c => new RecordingScheduler(c.InitialLr));
        var request = TrainerRun.Request("mismatched", TrainerRun.Config(0.1), 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => trainer.TrainAsync(request, _ => ValueTask.FromResult(true), CancellationToken.None));

        Assert.Contains("does not fit the model", error.Message);
    }

    private sealed class MismatchedWorkload : IWorkload
    {
        public string Name => "mismatched";
        public string Description => "3 features for a 2-input model";
        public ModelSpec Model { get; } = ModelSpec.Mlp(TaskKind.Regression, 2, 1);
        public int DefaultBatchSize => 2;

        public WorkloadData LoadData()
        {
            var data = HyperSearch.Training.Data.Dataset.Regression([1, 2, 3], 3, [1], 1);
            return new WorkloadData(data, data, data);
        }
    }
}
