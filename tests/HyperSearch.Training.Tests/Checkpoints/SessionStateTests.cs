using HyperSearch.Core.Configuration;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Tests.Support;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Checkpoints;

/// <summary>
/// A session's saved state restored into a fresh session trains on exactly like the original, for
/// every built-in model layout (channels-last convolutions, batch norm, recurrent cells, dropout).
/// </summary>
public sealed class SessionStateTests
{
    [Theory]
    [InlineData(FashionCnnWorkload.WorkloadName)]
    [InlineData(FashionResNetWorkload.WorkloadName)]
    [InlineData(AddingProblemWorkload.WorkloadName)]
    [InlineData(FashionMlpWorkload.WorkloadName)]
    public void SaveThenLoad_FreshSession_ContinuesWithIdenticalLosses(string name)
    {
        TorchRuntime.EnsureLoaded();
        var workload = TrainerRun.Registry.Get(name);
        var data = workload.LoadData();
        var config = TrainerRun.Config(0.05, new OptimizerSpec { Momentum = 0.9 }) with
        {
            BatchSize = 16,
            Params = name == FashionMlpWorkload.WorkloadName ? new Dictionary<string, double> { ["dropout"] = 0.3 } : null,
        };
        var order = Enumerable.Range(0, data.Train.Count).ToArray();
        using var original = new TrainingSession(workload, data, config, "cpu", seed: 2);
        original.SetLr(0.05);
        original.BeginEpoch(order);
        for (var b = 0; b < 3; b++)
        {
            original.TrainBatch(b * 16, 16);
        }

        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            original.Save(writer);
        }

        // Another seed: everything the continuation depends on must come from the saved state.
        using var restored = new TrainingSession(workload, data, config, "cpu", seed: 99);
        buffer.Position = 0;
        using (var reader = new BinaryReader(buffer))
        {
            restored.Load(reader);
        }

        restored.SetLr(0.05);
        restored.BeginEpoch(order);
        for (var b = 3; b < 6; b++)
        {
            Assert.Equal(original.TrainBatch(b * 16, 16), restored.TrainBatch(b * 16, 16));
        }
    }
}
