using HyperSearch.Core.Configuration;
using HyperSearch.Training.Data;
using HyperSearch.Training.Native;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// A model, its optimizer and the workload's data, trained batch by batch. Shared by
/// <see cref="TorchTrainer"/> and the LR range test. Batches are gathered into reused buffers and
/// handed to native code without further copies.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    private const int EvaluationChunk = 1024;

    private readonly TorchModel _model;
    private readonly double[] _multipliers;
    private readonly float[] _x;
    private readonly long[] _labels;
    private readonly float[] _targets;
    private double _lr = double.NaN;

    public TrainingSession(IWorkload workload, WorkloadData data, TrialConfig config, string device, int seed, int threads)
    {
        var spec = workload.Model;
        foreach (var (name, set) in new[] { ("train", data.Train), ("validation", data.Validation), ("test", data.Test) })
        {
            if (set.FeatureCount != spec.InputFeatures || set.Outputs != spec.Outputs || set.Task != spec.Task)
            {
                throw new InvalidOperationException(
                    $"workload '{workload.Name}': {name} data ({set.Task}, {set.FeatureCount} features, {set.Outputs} outputs) does not fit the model ({spec.Task}, {spec.InputFeatures} inputs, {spec.Outputs} outputs)");
            }
        }

        Data = data;
        BatchSize = Math.Min(config.BatchSize ?? workload.DefaultBatchSize, data.Train.Count);
        _multipliers = config.LayerLrMultipliers?.ToArray() ?? [];
        _x = new float[BatchSize * data.Train.FeatureCount];
        _labels = new long[BatchSize];
        _targets = new float[BatchSize * data.Train.Outputs];
        _model = TorchModel.Create(spec, device, seed, threads);
        try
        {
            _model.SetOptimizer(config.Optimizer ?? new OptimizerSpec(), config.InitialLr);
            _model.SetGradClip(config.GradClipNorm);
        }
        catch
        {
            _model.Dispose();
            throw;
        }
    }

    public WorkloadData Data { get; }

    public int BatchSize { get; }

    public void SetLr(double lr)
    {
        if (lr != _lr)
        {
            _model.SetLr(lr, _multipliers);
            _lr = lr;
        }
    }

    /// <summary>One optimizer step on the training samples at <paramref name="indices"/>; returns the batch loss.</summary>
    public double TrainBatch(ReadOnlySpan<int> indices)
    {
        var train = Data.Train;
        var n = indices.Length;
        var features = train.FeatureCount;
        for (var i = 0; i < n; i++)
        {
            train.Features.AsSpan(indices[i] * features, features).CopyTo(_x.AsSpan(i * features));
        }

        if (train.Labels is { } labels)
        {
            for (var i = 0; i < n; i++)
            {
                _labels[i] = labels[indices[i]];
            }

            return _model.TrainBatch(_x.AsSpan(0, n * features), _labels.AsSpan(0, n), n);
        }

        var outputs = train.Outputs;
        for (var i = 0; i < n; i++)
        {
            train.Targets.AsSpan(indices[i] * outputs, outputs).CopyTo(_targets.AsSpan(i * outputs));
        }

        return _model.TrainBatch(_x.AsSpan(0, n * features), _targets.AsSpan(0, n * outputs), n);
    }

    public (double Loss, double Metric) Evaluate(Dataset data) => _model.Evaluate(data, EvaluationChunk);

    public void Dispose() => _model.Dispose();
}
