using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Trainer;

/// <summary>
/// Clipping checked against a hand-computed SGD step: the regression model is y = w·x + b, so its
/// MSE gradient over a full batch is two sums.
/// </summary>
public sealed class GradientClippingTests
{
    private const double Lr = 0.1;

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    public void TrainBatch_GradClipValue_StepsByClampedGradient(double limit)
    {
        var (before, gradient, after) = OneFullBatchStep(TrainerRun.Config(Lr) with { GradClipValue = limit });

        Assert.True(gradient.Any(g => Math.Abs(g) > limit), $"gradient ({string.Join(", ", gradient)}) never reaches the limit, the test would prove nothing");
        for (var i = 0; i < before.Length; i++)
        {
            AssertClose(before[i] - Lr * Math.Clamp(gradient[i], -limit, limit), after[i]);
        }
    }

    [Fact]
    public void TrainBatch_NoClipping_StepsByFullGradient()
    {
        // The control: the hand-computed gradient is the one the trainer sees.
        var (before, gradient, after) = OneFullBatchStep(TrainerRun.Config(Lr));

        for (var i = 0; i < before.Length; i++)
        {
            AssertClose(before[i] - Lr * gradient[i], after[i]);
        }
    }

    [Fact]
    public async Task TrainAsync_GradClipValue_KeepsUnstableLrFinite()
    {
        // lr 1.5 is past the stability limit (≈ 1) of this quadratic: unclipped SGD diverges (TorchTrainerTests).
        var config = TrainerRun.Config(1.5) with { GradClipValue = 0.1 };

        var (outcome, epochs) = await TrainerRun.RunAsync(TrainerRun.Request(SyntheticRegressionWorkload.WorkloadName, config, 3));

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.True(epochs[^1].ValLoss < 1, $"val loss {epochs[^1].ValLoss}");
    }

    /// <summary>Parameters (w, b) before and after one SGD step on the whole training set, and the exact gradient.</summary>
    private static (double[] Before, double[] Gradient, double[] After) OneFullBatchStep(TrialConfig config)
    {
        TorchRuntime.EnsureLoaded();
        var workload = TrainerRun.Registry.Get(SyntheticRegressionWorkload.WorkloadName);
        var data = workload.LoadData();
        var n = data.Train.Count;
        using var session = new TrainingSession(workload, data, config with { BatchSize = n }, "cpu", seed: 3);
        session.SetLr(Lr);
        session.BeginEpoch(Enumerable.Range(0, n).ToArray());
        var before = Weights(session);

        double gw = 0, gb = 0;
        for (var i = 0; i < n; i++)
        {
            var x = data.Train.Features[i];
            var residual = before[0] * x + before[1] - data.Train.Targets![i];
            gw += 2 * residual * x / n;
            gb += 2 * residual / n;
        }

        session.TrainBatch(0, n);
        return (before, [gw, gb], Weights(session));
    }

    private static double[] Weights(TrainingSession session) =>
        [session.Parameters[0].item<float>(), session.Parameters[1].item<float>()];

    // float32 sums over 1024 samples against double ones.
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
