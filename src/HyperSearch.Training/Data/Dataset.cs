using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Data;

/// <summary>
/// Samples in row-major float features plus integer labels (classification) or float targets
/// (regression). Arrays are handed to the native trainer as they are, so they are not copied per call.
/// </summary>
public sealed class Dataset
{
    private Dataset(float[] features, int featureCount, long[]? labels, float[]? targets, int outputs)
    {
        if (featureCount <= 0 || features.Length % featureCount != 0)
        {
            throw new ArgumentException($"features length {features.Length} is not a multiple of {featureCount}");
        }

        Features = features;
        FeatureCount = featureCount;
        Count = features.Length / featureCount;
        Labels = labels;
        Targets = targets;
        Outputs = outputs;
        if (Count == 0)
        {
            throw new ArgumentException("a dataset needs at least one sample");
        }
    }

    public float[] Features { get; }
    public int FeatureCount { get; }
    public int Count { get; }
    public long[]? Labels { get; }
    public float[]? Targets { get; }
    /// <summary>Number of classes, or target values per sample.</summary>
    public int Outputs { get; }
    public TaskKind Task => Labels is null ? TaskKind.Regression : TaskKind.Classification;

    public static Dataset Classification(float[] features, int featureCount, long[] labels, int classes)
    {
        var data = new Dataset(features, featureCount, labels, null, classes);
        if (labels.Length != data.Count)
        {
            throw new ArgumentException($"{labels.Length} labels for {data.Count} samples");
        }

        // An out-of-range label would be a device-side assert on a GPU; refuse it here.
        foreach (var label in labels)
        {
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException($"label {label} is outside 0..{classes - 1}");
            }
        }

        return data;
    }

    public static Dataset Regression(float[] features, int featureCount, float[] targets, int targetCount)
    {
        var data = new Dataset(features, featureCount, null, targets, targetCount);
        if (targets.Length != data.Count * targetCount)
        {
            throw new ArgumentException($"{targets.Length} targets for {data.Count} samples × {targetCount}");
        }

        return data;
    }

    /// <summary>A copy holding the given samples in the given order.</summary>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        var features = new float[indices.Length * FeatureCount];
        for (var i = 0; i < indices.Length; i++)
        {
            Features.AsSpan(indices[i] * FeatureCount, FeatureCount).CopyTo(features.AsSpan(i * FeatureCount));
        }

        if (Labels is not null)
        {
            var labels = new long[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                labels[i] = Labels[indices[i]];
            }

            return new Dataset(features, FeatureCount, labels, null, Outputs);
        }

        var targets = new float[indices.Length * Outputs];
        for (var i = 0; i < indices.Length; i++)
        {
            Targets.AsSpan(indices[i] * Outputs, Outputs).CopyTo(targets.AsSpan(i * Outputs));
        }

        return new Dataset(features, FeatureCount, null, targets, Outputs);
    }
}
