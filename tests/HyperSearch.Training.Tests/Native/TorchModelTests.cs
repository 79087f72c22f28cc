using HyperSearch.Core.Configuration;
using HyperSearch.Training.Native;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Native;

public sealed class TorchModelTests
{
    [Fact]
    public void Create_CudaWithoutGpu_DeviceErrorNotCrash()
    {
        var spec = ModelSpec.Mlp(TaskKind.Regression, 1, 1);
        if (HyperSearch.Training.Devices.DeviceCatalog.CudaDeviceCount() > 0)
        {
            return; // On a GPU machine cuda:0 is valid; the error path is covered by an index past the end.
        }

        var error = Assert.Throws<TorchException>(() => TorchModel.Create(spec, "cuda:0", 1, 1));

        Assert.Equal(NativeStatus.Device, error.Status);
        Assert.Contains("cuda:0", error.Message);
    }

    [Fact]
    public void Create_GarbageDevice_DeviceError()
    {
        var error = Assert.Throws<TorchException>(
            () => TorchModel.Create(ModelSpec.Mlp(TaskKind.Regression, 1, 1), "quantum:3", 1, 1));

        Assert.Equal(NativeStatus.Device, error.Status);
    }

    [Fact]
    public void TrainBatch_BeforeOptimizer_StateError()
    {
        using var model = TorchModel.Create(ModelSpec.Mlp(TaskKind.Regression, 1, 1), "cpu", 1, 1);

        var error = Assert.Throws<TorchException>(() => model.TrainBatch([1f], [1f], 1));

        Assert.Equal(NativeStatus.State, error.Status);
        Assert.Contains("optimizer", error.Message);
    }

    [Fact]
    public void TrainBatch_LabelOutOfRange_TorchErrorCaught()
    {
        using var model = TorchModel.Create(ModelSpec.Mlp(TaskKind.Classification, 2, 3), "cpu", 1, 1);
        model.SetOptimizer(new OptimizerSpec(), 0.1);

        var error = Assert.Throws<TorchException>(() => model.TrainBatch([1f, 2f], [7L], 1));

        Assert.Equal(NativeStatus.Torch, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void LayerCount_Cnn_FourWeightLayers()
    {
        using var model = TorchModel.Create(ModelSpec.Cnn(1, 8, 8, 3, 2, 2, 4), "cpu", 1, 1);

        Assert.Equal(4, model.LayerCount);
    }
}
