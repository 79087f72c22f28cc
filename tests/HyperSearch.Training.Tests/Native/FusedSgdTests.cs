using HyperSearch.Core.Configuration;
using HyperSearch.Training.Data;
using HyperSearch.Training.Native;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Native;

/// <summary>
/// The fused SGD step must reproduce libtorch's torch::optim::SGD bit for bit, so switching it on
/// changed no trial's curve. Odd layer widths leave a scalar tail after the 8-wide vector loop.
/// </summary>
public sealed class FusedSgdTests
{
    public static TheoryData<double, bool, double, double?> Configs() => new()
    {
        { 0.0, false, 0.0, null },
        { 0.0, false, 1e-3, null },
        { 0.9, false, 0.0, null },
        { 0.9, true, 5e-4, null },
        { 0.8, false, 1e-2, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void TrainBatch_FusedVersusLibtorchSgdMlp_BitIdenticalLossesAndWeights(
        double momentum, bool nesterov, double weightDecay, double? clip)
    {
        var spec = ModelSpec.Mlp(TaskKind.Classification, 7, 13, 5);
        var optimizer = new OptimizerSpec { Momentum = momentum, Nesterov = nesterov, WeightDecay = weightDecay };

        var fused = Train(spec, optimizer, clip, fusedSgd: true);
        var reference = Train(spec, optimizer, clip, fusedSgd: false);

        Assert.Equal(reference, fused);
    }

    [Fact]
    public void TrainBatch_FusedVersusLibtorchSgdCnn_BitIdenticalLosses()
    {
        var spec = ModelSpec.Cnn(1, 6, 6, 3, 3, 5, 7);
        var optimizer = new OptimizerSpec { Momentum = 0.9, WeightDecay = 1e-3 };

        Assert.Equal(Train(spec, optimizer, null, fusedSgd: false), Train(spec, optimizer, null, fusedSgd: true));
    }

    [Fact]
    public void UseFusedSgd_AfterFirstBatch_StateError()
    {
        using var model = TorchModel.Create(ModelSpec.Mlp(TaskKind.Classification, 2, 3), "cpu", 1, 1);
        model.SetOptimizer(new OptimizerSpec { Momentum = 0.9 }, 0.1);
        model.TrainBatch([1f, 2f], [1L], 1);

        var error = Assert.Throws<TorchException>(() => model.UseFusedSgd(false));

        Assert.Equal(NativeStatus.State, error.Status);
    }

    [Fact]
    public void UseFusedSgd_Adam_NotActive()
    {
        using var model = TorchModel.Create(ModelSpec.Mlp(TaskKind.Classification, 2, 3), "cpu", 1, 1);
        model.SetOptimizer(new OptimizerSpec { Type = OptimizerType.Adam }, 0.1);

        Assert.False(model.UseFusedSgd(true));
    }

    // Losses of 30 batches (with an LR change and per-layer multipliers) plus the final evaluation.
    private static List<double> Train(ModelSpec spec, OptimizerSpec optimizer, double? clip, bool fusedSgd)
    {
        const int batch = 9;
        var random = new Random(5);
        using var model = TorchModel.Create(spec, "cpu", 11, 1);
        model.SetOptimizer(optimizer, 0.05);
        model.UseFusedSgd(fusedSgd);
        model.SetGradClip(clip);
        var x = new float[batch * spec.InputFeatures];
        var y = new long[batch];
        var losses = new List<double>();
        for (var step = 0; step < 30; step++)
        {
            model.SetLr(step < 15 ? 0.05 : 0.02, [0.5, 1.0]);
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (float)(random.NextDouble() * 2 - 1);
            }

            for (var i = 0; i < batch; i++)
            {
                y[i] = random.Next((int)spec.Outputs);
            }

            losses.Add(model.TrainBatch(x, y, batch));
        }

        var (loss, accuracy) = model.Evaluate(Dataset.Classification(x, (int)spec.InputFeatures, y, (int)spec.Outputs), 4);
        losses.Add(loss);
        losses.Add(accuracy);
        return losses;
    }
}
