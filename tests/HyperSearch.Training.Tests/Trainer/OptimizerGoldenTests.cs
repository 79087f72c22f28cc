using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Training.Data;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Tests.Trainer;

/// <summary>
/// The trainer's optimizers against PyTorch 1.13's, step by step: traces made by
/// scripts/golden/generate_optimizer_golden.py (every optimizer and option the trial config accepts,
/// per-layer LR multipliers, gradient clipping by norm and by value, an LR that changes every step).
/// The same tiny model, weights and batches go through the trainer's own session; after every
/// optimizer step every parameter must equal PyTorch's to 1e-5 relative (float32, and two BLAS
/// libraries that sum in different orders).
/// </summary>
public sealed class OptimizerGoldenTests
{
    private const double Tolerance = 1e-5;
    private static readonly Lazy<JsonNode> Golden = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Trainer", "Golden", "optimizers.json")))!);

    public static TheoryData<string> Cases => [.. Golden.Value["cases"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainBatch_EveryStep_ParametersEqualPyTorch(string name)
    {
        TorchRuntime.EnsureLoaded();
        var doc = Golden.Value;
        var golden = doc["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var batch = doc["batchSize"]!.GetValue<int>();
        var workload = new GoldenWorkload(doc);
        var data = workload.LoadData();
        var multipliers = Doubles(golden["layerLrMultipliers"]);
        var config = new TrialConfig
        {
            InitialLr = golden["initialLr"]!.GetValue<double>(),
            Decay = new ConstantDecay(),
            Optimizer = golden["optimizer"].Deserialize<OptimizerSpec>(HyperJson.Options),
            LayerLrMultipliers = multipliers,
            GradClipNorm = golden["gradClipNorm"]?.GetValue<double>(),
            GradClipValue = golden["gradClipValue"]?.GetValue<double>(),
            BatchSize = batch,
        };
        if (golden["clippedSteps"] is { } clipped)
        {
            Assert.True(clipped.GetValue<int>() > 0, "clipping never acted in this case: it would prove nothing");
        }

        using var session = new TrainingSession(workload, data, config, "cpu", seed: 1);
        session.BeginEpoch(Enumerable.Range(0, data.Train.Count).ToArray());
        var lrs = Doubles(golden["lrs"]);
        var losses = Doubles(golden["losses"]);
        var steps = golden["params"]!.AsArray();
        var batches = data.Train.Count / batch;
        for (var step = 0; step < steps.Count; step++)
        {
            // The golden LR is group 0's (its multiplier included); the session applies the multipliers itself.
            session.SetLr(lrs[step] / multipliers[0]);
            var loss = session.TrainBatch(step % batches * batch, batch);
            AssertClose(losses[step], loss, $"{name}: loss of step {step + 1}");
            var expected = Doubles(steps[step]);
            var actual = session.Parameters.SelectMany(p => p.data<float>().ToArray()).ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                AssertClose(expected[i], actual[i], $"{name}: parameter value {i} after step {step + 1}");
            }
        }
    }

    [Fact]
    public void GoldenFile_CoversEveryOptimizerAndOption()
    {
        var specs = Golden.Value["cases"]!.AsArray().Select(c => c!["optimizer"]!.AsObject()).ToList();
        var types = specs.Select(s => s["type"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(["adagrad", "adam", "adamW", "rmsProp", "sgd"], types.Order(StringComparer.Ordinal));
        var options = specs.SelectMany(s => s.Select(p => p.Key)).ToHashSet();
        foreach (var option in Core.Space.TrialParameters.Optimizer.Select(p => p.Name))
        {
            Assert.Contains(option, options);
        }
    }

    private static double[] Doubles(JsonNode? node) =>
        node is null ? [1.0, 1.0] : node.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    private static void AssertClose(double expected, double actual, string what)
    {
        // Relative, with the scale of a typical weight as the floor for values that pass near zero.
        var scale = Math.Max(Math.Abs(expected), 0.1);
        Assert.True(Math.Abs(expected - actual) <= Tolerance * scale, $"{what}: PyTorch {expected:R}, trainer {actual:R}");
    }

    /// <summary>The generator's model (Linear 4→6, tanh, Linear 6→3) with its weights, and its data.</summary>
    private sealed class GoldenWorkload(JsonNode doc) : IWorkload
    {
        private readonly int _features = doc["features"]!.GetValue<int>();
        private readonly int _hidden = doc["hidden"]!.GetValue<int>();
        private readonly int _classes = doc["classes"]!.GetValue<int>();

        public string Name => "optimizer-golden";
        public string Description => "scripts/golden/generate_optimizer_golden.py's model";
        public TaskKind Task => TaskKind.Classification;
        public int DefaultBatchSize => doc["batchSize"]!.GetValue<int>();

        public WorkloadData LoadData()
        {
            var x = doc["x"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            var y = doc["y"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray();
            var set = Dataset.Classification(x, _features, y, _classes);
            return new WorkloadData(set, set, set);
        }

        public nn.Module<Tensor, Tensor> CreateModel(IReadOnlyDictionary<string, double> parameters, Device device)
        {
            var model = nn.Sequential(("0", nn.Linear(_features, _hidden)), ("1", nn.Tanh()), ("2", nn.Linear(_hidden, _classes)));
            var values = doc["initialParams"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            var offset = 0;
            using var noGrad = torch.no_grad();
            foreach (var p in model.parameters())
            {
                var count = (int)p.numel();
                using var source = torch.tensor(values.AsSpan(offset, count).ToArray(), p.shape);
                p.copy_(source);
                offset += count;
            }

            Assert.Equal(values.Length, offset);
            return model.to(device);
        }
    }
}
