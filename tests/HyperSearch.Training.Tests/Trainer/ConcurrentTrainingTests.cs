using System.Diagnostics;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Tests.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

/// <summary>
/// Several trials training side by side in one process, as a worker's slots do, while another thread
/// forces garbage collections and runs finalizers without pause. A native object that the trainer
/// hands to libtorch but no longer references (TorchSharp's implicitly converted <c>Scalar</c>s in its
/// optimizers were such objects) is then freed by the finalizer thread in the middle of the native
/// call that reads it: "Expected false to be true … toFloat … add_" in an optimizer step, which a
/// worker with two slots met once in ~500 trials. With forced collections TorchSharp's own SGD fails
/// this test within seconds; the trainer's optimizers must not.
/// </summary>
public sealed class ConcurrentTrainingTests
{
    private const int Slots = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    // Every optimizer with the options that add scalar arguments; the model has dropout.
    private static readonly OptimizerSpec[] Optimizers =
    [
        new() { Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4 },
        new() { Momentum = 0.9, Dampening = 0.1 },
        new() { Type = OptimizerType.Adam, Amsgrad = true, WeightDecay = 1e-4 },
        new() { Type = OptimizerType.AdamW },
        new() { Type = OptimizerType.RmsProp, Momentum = 0.5, Centered = true, WeightDecay = 1e-4 },
        new() { Type = OptimizerType.Adagrad, LrDecay = 0.01, WeightDecay = 1e-4 },
    ];

    [Fact]
    public async Task TrainAsync_EightTrialsWithForcedCollections_NoneFails()
    {
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();

        var clock = Stopwatch.StartNew();
        var epochs = new int[Slots];
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Slots).Select(slot => Task.Run(async () =>
            {
                for (var run = 0; clock.Elapsed < Duration && !stop.IsCancellationRequested; run++)
                {
                    var config = TrainerRun.Config(0.01, Optimizers[(slot + run) % Optimizers.Length]) with { GradClipNorm = 1, BatchSize = 2 };
                    try
                    {
                        var (outcome, reports) = await TrainerRun.RunAsync(TrainerRun.Request(DeepNarrowWorkload.WorkloadName, config, epochs: 1, seed: slot * 100 + run));
                        Assert.Equal(TrialState.Completed, outcome.State);
                        epochs[slot] += reports.Count;
                    }
                    catch
                    {
                        stop.Cancel();  // the first failure ends the test; the others need not run out the clock
                        throw;
                    }
                }
            })));
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }

        Assert.All(epochs, e => Assert.True(e >= 1, "a slot finished no trial: the test proved nothing"));
    }
}
