using System.Runtime.InteropServices;
using HyperSearch.Core.Configuration;
using HyperSearch.Training.Native;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Native;

public sealed class TorchModelTests
{
    [Fact]
    public void Create_CudaIndexPastVisibleDevices_DeviceErrorNotCrash()
    {
        // cuda:0 on a CPU-only libtorch, cuda:N past the last GPU on a CUDA machine: the native
        // check runs either way (DeviceCatalog is bypassed on purpose).
        var device = $"cuda:{HyperSearch.Training.Devices.DeviceCatalog.CudaDeviceCount()}";

        var error = Assert.Throws<TorchException>(() => TorchModel.Create(ModelSpec.Mlp(TaskKind.Regression, 1, 1), device, 1, 1));

        Assert.Equal(NativeStatus.Device, error.Status);
        Assert.Contains(device, error.Message);
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
    public void LastError_FailureOnAnotherThread_DoesNotLeakIntoThisThread()
    {
        // The error message is per thread: a concurrent failure must not replace this thread's message.
        var spec = ModelSpec.Mlp(TaskKind.Regression, 1, 1);
        var here = Assert.Throws<TorchException>(() => TorchModel.Create(spec, "quantum:3", 1, 1));
        var otherThread = new Thread(() => Assert.Throws<TorchException>(() => TorchModel.Create(spec, "cpu", 1, 0)));
        otherThread.Start();
        otherThread.Join();

        var again = Marshal.PtrToStringUTF8(NativeMethods.LastError());

        Assert.Equal(here.Message, again);
        Assert.Contains("quantum:3", again);
    }

    [Fact]
    public void TrainBatch_InputsShorterThanBatch_ArgumentExceptionBeforeNativeRead()
    {
        using var model = TorchModel.Create(ModelSpec.Mlp(TaskKind.Classification, 2, 3), "cpu", 1, 1);
        model.SetOptimizer(new OptimizerSpec(), 0.1);

        var error = Assert.Throws<ArgumentException>(() => model.TrainBatch([1f, 2f, 3f], [0L, 1L], 2));

        Assert.Contains("a batch of 2 needs 2 x 2 inputs", error.Message);
    }

    [Fact]
    public void LayerCount_Cnn_FourWeightLayers()
    {
        using var model = TorchModel.Create(ModelSpec.Cnn(1, 8, 8, 3, 2, 2, 4), "cpu", 1, 1);

        Assert.Equal(4, model.LayerCount);
    }
}
