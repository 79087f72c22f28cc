using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Tests.Workloads;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

/// <summary>Cancellation mid-epoch and per-layer LR multipliers, observed batch by batch.</summary>
public sealed class TrainerLoopTests
{
    [Fact]
    public async Task TrainAsync_CancelledMidEpoch_StopsBeforeTheNextBatch()
    {
        using var cts = new CancellationTokenSource();
        var batches = 0;
        var workload = new ForwardCountingWorkload(n =>
        {
            batches = n;
            if (n == 3)
            {
                cts.Cancel();
            }
        });
        var trainer = new TorchTrainer(new WorkloadRegistry([workload]), c => new RecordingScheduler(c.InitialLr));
        var epochs = 0;

        var outcome = await trainer.TrainAsync(
            TrainerRun.Request(workload.Name, TrainerRun.Config(0.05), 5),
            _ =>
            {
                epochs++;
                return ValueTask.FromResult(true);
            },
            cts.Token);

        // 1000 samples at batch 32 = 32 batches per epoch: it stopped inside the first one.
        Assert.Equal(TrialState.Cancelled, outcome.State);
        Assert.Equal(0, outcome.EpochsRun);
        Assert.Equal(3, batches);
        Assert.Equal(0, epochs);
    }

    [Fact]
    public void TrainBatch_LayerMultipliers_ScaleEachLayersStep()
    {
        // Plain SGD: a layer's step is lr × multiplier × its gradient, and the gradient of the first
        // step does not depend on the multipliers, so steps compare layer by layer.
        var full = FirstStep([1, 1, 1]);
        var scaled = FirstStep([0, 1, 0.5]);

        Assert.All(scaled[0], d => Assert.Equal(0, d));
        Assert.Equal(full[1], scaled[1]);
        Assert.True(full[2].Any(d => d != 0), "the last layer did not move");
        for (var i = 0; i < full[2].Length; i++)
        {
            Assert.True(Math.Abs(scaled[2][i] - 0.5 * full[2][i]) <= 1e-6 * Math.Max(1, Math.Abs(full[2][i])), $"element {i}: {scaled[2][i]} vs half of {full[2][i]}");
        }
    }

    /// <summary>Each layer's parameter change (flattened) after one batch of two-spirals (MLP 2-64-64-2: three layers).</summary>
    private static double[][] FirstStep(double[] multipliers)
    {
        TorchRuntime.EnsureLoaded();
        var workload = TrainerRun.Registry.Get(TwoSpiralsWorkload.WorkloadName);
        var data = workload.LoadData();
        var config = TrainerRun.Config(0.5) with { LayerLrMultipliers = multipliers };
        using var session = new TrainingSession(workload, data, config, "cpu", seed: 4);
        session.SetLr(0.5);
        session.BeginEpoch(Enumerable.Range(0, data.Train.Count).ToArray());
        var before = Layers(session);
        session.TrainBatch(0, 32);
        var after = Layers(session);
        return before.Select((layer, l) => layer.Select((v, i) => (double)after[l][i] - v).ToArray()).ToArray();
    }

    // Mlp 2-64-64-2: weight and bias of each linear layer, in order.
    private static float[][] Layers(TrainingSession session) =>
        Enumerable.Range(0, 3)
            .Select(l => session.Parameters[2 * l].data<float>().ToArray().Concat(session.Parameters[2 * l + 1].data<float>().ToArray()).ToArray())
            .ToArray();
}
