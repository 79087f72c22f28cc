using HyperSearch.Training.Data;

namespace HyperSearch.Training.Tests.Data;

public sealed class FashionMnistTests
{
    [Fact]
    public void Read_RealTrainImages_Header60kBy28x28()
    {
        var file = IdxReader.Read(Path.Combine(FashionMnist.DefaultDirectory, "train-images-idx3-ubyte.gz"));

        Assert.Equal([60_000, 28, 28], file.Dimensions);
        Assert.Equal(60_000 * 784, file.Data.Length);
    }

    [Fact]
    public void Load_RealFiles_CountsShapesAndBalancedLabels()
    {
        var data = FashionMnist.Load(FashionMnist.DefaultDirectory);

        Assert.Equal(60_000, data.Train.Count);
        Assert.Equal(10_000, data.Test.Count);
        Assert.Equal(784, data.Train.FeatureCount);
        Assert.All(data.Test.Labels!, l => Assert.InRange(l, 0, 9));
        // Fashion-MNIST is balanced: 6000 per class in train, 1000 in test.
        Assert.All(data.Train.Labels!.CountBy(l => l), g => Assert.Equal(6000, g.Value));
        Assert.All(data.Test.Labels!.CountBy(l => l), g => Assert.Equal(1000, g.Value));
        // Standardised pixels: mean ≈ 0 and std ≈ 1 over the training set.
        var mean = data.Train.Features.Average(f => (double)f);
        var std = Math.Sqrt(data.Train.Features.Average(f => (f - mean) * (f - mean)));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(std, 0.99, 1.01);
    }

    [Fact]
    public void Load_MissingDirectory_NamesTheSetting()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => FashionMnist.Load("/nonexistent/fashion"));

        Assert.Contains("HyperSearch:Datasets:FashionMnist", error.Message);
    }
}
