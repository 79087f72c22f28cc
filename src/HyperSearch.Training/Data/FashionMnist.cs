using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Data;

/// <summary>
/// Fashion-MNIST from Debian's dataset-fashion-mnist package (gzipped IDX files). Pixels are scaled
/// to [0, 1] and standardised with the training set's mean and std, as the usual PyTorch recipe does.
/// </summary>
public sealed class FashionMnist
{
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";
    public const int Side = 28;
    public const int Pixels = Side * Side;
    public const int Classes = 10;
    internal const float Mean = 0.2860f;
    internal const float Std = 0.3530f;

    private FashionMnist(Dataset train, Dataset test)
    {
        Train = train;
        Test = test;
    }

    /// <summary>The 60k training images (split into train/validation by the workloads).</summary>
    public Dataset Train { get; }

    /// <summary>The 10k held-out test images.</summary>
    public Dataset Test { get; }

    public static FashionMnist Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Fashion-MNIST directory '{directory}' does not exist (install dataset-fashion-mnist or set HyperSearch:Datasets:FashionMnist)");
        }

        return new FashionMnist(LoadPart(directory, "train"), LoadPart(directory, "t10k"));
    }

    private static Dataset LoadPart(string directory, string prefix)
    {
        var images = IdxReader.Read(Find(directory, $"{prefix}-images-idx3-ubyte"));
        var labels = IdxReader.Read(Find(directory, $"{prefix}-labels-idx1-ubyte"));
        if (images.Dimensions.Count != 3 || images.Dimensions[1] != Side || images.Dimensions[2] != Side)
        {
            throw new InvalidDataException($"{prefix} images are not 28×28");
        }

        if (labels.Count != images.Count)
        {
            throw new InvalidDataException($"{prefix}: {images.Count} images but {labels.Count} labels");
        }

        var features = new float[images.Data.Length];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = (images.Data[i] / 255f - Mean) / Std;
        }

        var classes = Array.ConvertAll(labels.Data, b => (long)b);
        return Dataset.Classification(features, Pixels, classes, Classes);
    }

    private static string Find(string directory, string stem)
    {
        foreach (var candidate in new[] { stem + ".gz", stem, stem.Replace("-idx", ".idx") + ".gz" })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Fashion-MNIST file {stem}.gz not found in '{directory}'");
    }
}
