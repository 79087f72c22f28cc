using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Worker.Testing;

namespace HyperSearch.Worker.Tests;

public class SleepTrainerTests
{
    [Fact]
    public async Task TrainAsync_StepDecay_ReportsTheScheduleSteppedOncePerEpoch()
    {
        // It used to report the initial LR every epoch, so pages driven by it drew every schedule flat.
        var config = new TrialConfig { InitialLr = 0.04, Decay = new StepDecay { StepSize = 2, Gamma = 0.5 } };
        var reported = new List<double>();
        var trainer = new SleepTrainer(TimeSpan.Zero, TimeProvider.System);

        await trainer.TrainAsync(new TrainingRequest { Workload = SleepTrainer.WorkloadName, Config = config, Epochs = 5 },
            report => { reported.Add(report.Lr); return ValueTask.FromResult(true); }, CancellationToken.None);

        Assert.Equal([0.04, 0.04, 0.02, 0.02, 0.01], reported);
        Assert.Equal(LrSchedulePreview.Compute(config, 5), reported);
    }
}
