using HyperSearch.Core.Configuration;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Data;
using HyperSearch.Training.Models;
using HyperSearch.Training.Optimizers;
using HyperSearch.Training.Workloads;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// A workload's model, its optimizer (one param group per layer) and its data as tensors on the
/// trial's device, trained batch by batch. Shared by <see cref="TorchTrainer"/> and the LR range test.
/// Every batch runs in its own dispose scope, so no tensor outlives it unless kept on purpose.
/// Not thread-safe: one trial drives one session from one thread.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    private const int EvaluationChunk = 1024;

    // The default generator is process-wide: hold it while seeding and building the model so that
    // trials created concurrently in other slots still get exactly their seed's initial weights, and
    // while a model with TorchSharp's own dropout modules draws from it (ForwardOnDefaultGenerator).
    private static readonly Lock DefaultGeneratorLock = new();

    private readonly IWorkload _workload;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly TrialOptimizer _optimizer;
    private readonly List<Parameter> _parameters;
    private readonly double[] _multipliers;
    private readonly double? _clipNorm;
    private readonly double? _clipValue;
    private readonly Device _device;
    private readonly Generator _generator;
    private readonly bool _drawsFromDefaultGenerator;
    private readonly Tensor _trainX, _trainY;
    private readonly Dictionary<Dataset, (Tensor X, Tensor Y)> _evaluation = new();
    private Tensor? _epochOrder;
    private bool _shapeChecked;
    private double _lr = double.NaN;

    public TrainingSession(IWorkload workload, WorkloadData data, TrialConfig config, string device, int seed)
    {
        _workload = workload;
        foreach (var (name, set) in new[] { ("train", data.Train), ("validation", data.Validation), ("test", data.Test) })
        {
            if (set.Task != workload.Task)
            {
                throw new WorkloadException(workload.Name, $"its {name} data is for {set.Task} but the workload declares {workload.Task}");
            }
        }

        Data = data;
        BatchSize = Math.Min(config.BatchSize ?? workload.DefaultBatchSize, data.Train.Count);
        _multipliers = config.LayerLrMultipliers?.ToArray() ?? [];
        _clipNorm = config.GradClipNorm;
        _clipValue = config.GradClipValue;
        _device = torch.device(device);
        _model = CreateModel(workload, config.Params ?? new Dictionary<string, double>(), _device, seed);
        try
        {
            _generator = new Generator(unchecked((ulong)seed), _device);
            _drawsFromDefaultGenerator = _device.type == DeviceType.CPU && _model.modules().Any(IsDefaultGeneratorDropout);
            var layers = LayerGroups.Of(_model);
            if (layers.Count == 0)
            {
                throw new WorkloadException(workload.Name, "the model has no trainable parameters");
            }

            if (_multipliers.Length > layers.Count)
            {
                throw new InvalidTrainingRequestException([new ValidationError("config.layerLrMultipliers",
                    $"has {_multipliers.Length} entries but workload '{workload.Name}' has {layers.Count} layers")]);
            }

            LayerCount = layers.Count;
            _parameters = layers.SelectMany(l => l).ToList();
            _optimizer = OptimizerFactory.Create(config.Optimizer ?? new OptimizerSpec(), layers, config.InitialLr);
            (_trainX, _trainY) = ToTensors(data.Train);
        }
        catch
        {
            _generator?.Dispose();
            _model.Dispose();
            throw;
        }
    }

    public WorkloadData Data { get; }

    public int BatchSize { get; }

    public int LayerCount { get; }

    /// <summary>The trainable parameters, layer by layer in registration order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    public int BatchesPerEpoch => (Data.Train.Count + BatchSize - 1) / BatchSize;

    public void SetLr(double lr)
    {
        if (lr == _lr)
        {
            return;
        }

        for (var i = 0; i < _optimizer.GroupCount; i++)
        {
            _optimizer.SetLr(i, lr * (i < _multipliers.Length ? _multipliers[i] : 1.0));
        }

        _lr = lr;
    }

    /// <summary>Puts the training samples in <paramref name="order"/> for the coming epoch's batches.</summary>
    public void BeginEpoch(int[] order)
    {
        // Batches are gathered one by one from this order (TrainBatch): a whole-epoch copy of the
        // training set wrote tens of MB into fresh pages every epoch (page faults, and data evicted
        // from the cache before the step read it); a batch gathered just in time stays in cache.
        _epochOrder?.Dispose();
        _epochOrder = torch.tensor(Array.ConvertAll(order, i => (long)i), device: _device);
    }

    /// <summary>Set only by the step profile benchmark: times each phase of <see cref="TrainBatch"/>.</summary>
    internal StepTimer? Timer { get; set; }

    /// <summary>One optimizer step on the epoch order's samples [start, start + count); returns the batch loss.</summary>
    public double TrainBatch(int start, int count)
    {
        var timer = Timer;
        timer?.Begin();
        float value;
        using (var scope = torch.NewDisposeScope())
        {
            using var random = TrialRandom.Use(_generator);
            if (!_model.training)
            {
                _model.train();
            }

            var rows = _epochOrder!.narrow(0, start, count);
            var x = _trainX.index_select(0, rows);
            var y = _trainY.index_select(0, rows);
            timer?.Lap(StepPhase.Setup);
            _optimizer.ZeroGrad();
            timer?.Lap(StepPhase.ZeroGrad);
            var output = _drawsFromDefaultGenerator ? ForwardOnDefaultGenerator(x) : Forward(x);
            timer?.Lap(StepPhase.Forward);
            var loss = Loss(output, y, reduction: nn.Reduction.Mean);
            timer?.Lap(StepPhase.Loss);
            loss.backward();
            timer?.Lap(StepPhase.Backward);
            if (_clipNorm is { } max)
            {
                nn.utils.clip_grad_norm_(_parameters, max);
            }

            if (_clipValue is { } limit)
            {
                nn.utils.clip_grad_value_(_parameters, limit);
            }

            timer?.Lap(StepPhase.Clip);
            _optimizer.Step();
            timer?.Lap(StepPhase.OptimizerStep);
            value = loss.item<float>();
            timer?.Lap(StepPhase.ReadLoss);
        }

        timer?.Lap(StepPhase.Dispose);
        return value;
    }

    /// <summary>Mean loss and accuracy (classification) or R² (regression) over the whole dataset.</summary>
    public (double Loss, double Metric) Evaluate(Dataset data)
    {
        if (!_evaluation.TryGetValue(data, out var tensors))
        {
            _evaluation[data] = tensors = ToTensors(data);
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        _model.eval();
        double lossSum = 0, correct = 0;
        for (var start = 0; start < data.Count; start += EvaluationChunk)
        {
            var n = Math.Min(EvaluationChunk, data.Count - start);
            var output = Forward(tensors.X.narrow(0, start, n));
            var y = tensors.Y.narrow(0, start, n);
            lossSum += Loss(output, y, nn.Reduction.Sum).item<float>();
            if (_workload.Task == TaskKind.Classification)
            {
                correct += output.argmax(1).eq(y).sum().item<long>();
            }
        }

        if (_workload.Task == TaskKind.Classification)
        {
            return (lossSum / data.Count, correct / data.Count);
        }

        // R² = 1 - SSE/SST over every target value.
        var targets = tensors.Y.to(ScalarType.Float64);
        var centred = targets - targets.mean([0]);
        var sst = (centred * centred).sum().item<double>();
        return (lossSum / ((double)data.Count * data.Outputs), sst > 0 ? 1 - lossSum / sst : double.NaN);
    }

    /// <summary>Model, optimizer and the trial's generator state, for a checkpoint.</summary>
    public void Save(BinaryWriter writer)
    {
        _model.save(writer);
        _optimizer.Save(writer);
        using var rng = _generator.get_state();
        var bytes = rng.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; the caller sets the LR again.</summary>
    public void Load(BinaryReader reader)
    {
        _model.load(reader);
        _optimizer.Load(reader);
        var bytes = reader.ReadBytes(reader.ReadInt32());
        using var rng = torch.tensor(bytes, ScalarType.Byte);
        _generator.set_state(rng);
        _lr = double.NaN;
    }

    public void Dispose()
    {
        _epochOrder?.Dispose();
        foreach (var (x, y) in _evaluation.Values)
        {
            x.Dispose();
            y.Dispose();
        }

        _trainX?.Dispose();
        _trainY?.Dispose();
        _optimizer?.Dispose();
        _model.Dispose();
        _generator.Dispose();
        // named_parameters() handed out wrappers of their own: each holds its tensor alive until
        // disposed (or finalized, which the GC may not do for a long time: the managed side is small).
        foreach (var parameter in _parameters ?? [])
        {
            parameter.Dispose();
        }
    }

    private static nn.Module<Tensor, Tensor> CreateModel(IWorkload workload, IReadOnlyDictionary<string, double> parameters, Device device, int seed)
    {
        try
        {
            lock (DefaultGeneratorLock)
            {
                torch.manual_seed(seed);
                return workload.CreateModel(parameters, device)
                    ?? throw new WorkloadException(workload.Name, "CreateModel returned null");
            }
        }
        catch (Exception e) when (e is not WorkloadException)
        {
            throw new WorkloadException(workload.Name, $"CreateModel failed: {e.Message}", e);
        }
    }

    /// <summary>
    /// TorchSharp's own dropout modules (a plug-in's model may use them) always draw from the default
    /// generator: for those, the trial's generator state is swapped in and out around the forward pass,
    /// under the lock, so the masks still follow the trial's seed. Models built on
    /// <see cref="TrialDropout"/> skip this and run forward passes of several slots in parallel.
    /// </summary>
    private Tensor ForwardOnDefaultGenerator(Tensor x)
    {
        lock (DefaultGeneratorLock)
        {
            using (var state = _generator.get_state())
            {
                torch.set_rng_state(state);
            }

            var output = Forward(x);
            using (var state = torch.get_rng_state())
            {
                _generator.set_state(state);
            }

            return output;
        }
    }

    private static bool IsDefaultGeneratorDropout(nn.Module module) =>
        module is Dropout or Dropout1d or Dropout2d or Dropout3d or AlphaDropout or FeatureAlphaDropout;

    private Tensor Forward(Tensor x)
    {
        Tensor output;
        try
        {
            output = _model.forward(x);
        }
        catch (Exception e)
        {
            throw new WorkloadException(_workload.Name, $"the model's forward failed on a [{string.Join(", ", x.shape)}] batch: {e.Message}", e);
        }

        if (!_shapeChecked)
        {
            long[] expected = [x.shape[0], Data.Train.Outputs];
            if (!output.shape.SequenceEqual(expected) || output.dtype != ScalarType.Float32)
            {
                throw new WorkloadException(_workload.Name,
                    $"the model returned a {output.dtype} tensor of shape [{string.Join(", ", output.shape)}] for a batch of {x.shape[0]}; expected Float32 [{string.Join(", ", expected)}]");
            }

            _shapeChecked = true;
        }

        return output;
    }

    private Tensor Loss(Tensor output, Tensor y, nn.Reduction reduction) =>
        _workload.Task == TaskKind.Classification
            ? nn.functional.cross_entropy(output, y, reduction: reduction)
            : nn.functional.mse_loss(output, y, reduction);

    private (Tensor X, Tensor Y) ToTensors(Dataset data)
    {
        var x = torch.tensor(data.Features, [data.Count, data.FeatureCount], device: _device);
        var y = data.Labels is { } labels
            ? torch.tensor(labels, [data.Count], device: _device)
            : torch.tensor(data.Targets!, [data.Count, data.Outputs], device: _device);
        return (x, y);
    }
}
