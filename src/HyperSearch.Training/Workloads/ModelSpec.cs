namespace HyperSearch.Training.Workloads;

/// <summary>
/// A network the native trainer can build: an MLP (<see cref="Mlp"/>) or a small CNN (<see cref="Cnn"/>).
/// Each weight layer (linear or conv) is one optimizer param group, so
/// <c>TrialConfig.LayerLrMultipliers</c> has at most <see cref="LayerCount"/> entries.
/// </summary>
public sealed record ModelSpec
{
    private ModelSpec(string architecture, long[] dims, TaskKind task, long inputFeatures, long outputs, int layers)
    {
        Architecture = architecture;
        Dims = dims;
        Task = task;
        InputFeatures = inputFeatures;
        Outputs = outputs;
        LayerCount = layers;
    }

    public string Architecture { get; }
    public IReadOnlyList<long> Dims { get; }
    public TaskKind Task { get; }
    public long InputFeatures { get; }
    /// <summary>Classes (classification) or target values per sample (regression).</summary>
    public long Outputs { get; }
    public int LayerCount { get; }

    /// <summary>Fully connected layers with ReLU between them: sizes = input, hidden…, output.</summary>
    public static ModelSpec Mlp(TaskKind task, params long[] sizes)
    {
        if (sizes.Length < 2 || sizes.Any(s => s <= 0))
        {
            throw new ArgumentException("an MLP needs at least two positive layer sizes", nameof(sizes));
        }

        return new ModelSpec("mlp", sizes, task, sizes[0], sizes[^1], sizes.Length - 1);
    }

    /// <summary>conv3×3(pad 1)-ReLU-maxpool2 twice, then fc-ReLU-fc; input is channels×height×width.</summary>
    public static ModelSpec Cnn(int channels, int height, int width, int classes, int conv1, int conv2, int fc)
    {
        long[] dims = [channels, height, width, classes, conv1, conv2, fc];
        if (dims.Any(d => d <= 0) || height < 4 || width < 4)
        {
            throw new ArgumentException("CNN sizes must be positive and the input at least 4×4");
        }

        return new ModelSpec("cnn", dims, TaskKind.Classification, channels * height * width, classes, 4);
    }
}
