using HyperSearch.Core.Faults;

namespace HyperSearch.Core.Tests.Faults;

public sealed class FailureClassifierTests
{
    // A workload's own wrapper (as Training's WorkloadException wraps what a model factory threw).
    private sealed class WrapperException(string message, Exception inner) : Exception(message, inner);

    [Fact]
    public void Classify_RealWriteToAFullDevice_DiskFullWhateverThePathInTheMessage()
    {
        // /dev/full answers every write with ENOSPC, as a full checkpoint disk does.
        var e = Assert.ThrowsAny<IOException>(() => File.WriteAllBytes("/dev/full", new byte[4096]));

        Assert.Equal(FailureKind.DiskFull, FailureClassifier.Classify(e, started: true));
        Assert.Equal(FailureKind.DiskFull, FailureClassifier.Classify(new WrapperException("checkpoint failed", e), started: true));
    }

    [Fact]
    public void Classify_RealMissingFileBeforeTraining_MissingFileNotALoadError()
    {
        var e = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes($"/nonexistent-{Guid.NewGuid():N}/train-images-idx3-ubyte.gz"));

        Assert.Equal(FailureKind.MissingFile, FailureClassifier.Classify(new WrapperException("workload 'fashion-mlp': LoadData failed", e), started: false));
    }

    [Fact]
    public void Classify_ParameterRefusedByTheModelFactory_InvalidParameterWhateverValueWasDrawn()
    {
        var a = new WrapperException("workload 'm': CreateModel failed", new ArgumentException("params.hidden: must be an integer in [1, 4096]; got 5146"));
        var b = new WrapperException("workload 'm': CreateModel failed", new ArgumentException("params.hidden: must be an integer in [1, 4096]; got 5180"));

        Assert.Equal(FailureKind.InvalidParameter, FailureClassifier.Classify(a, started: false));
        Assert.Equal(FailureClassifier.Classify(a, started: false), FailureClassifier.Classify(b, started: false));
    }

    [Theory]
    [InlineData("CUDA out of memory. Tried to allocate 2.00 GiB")]
    [InlineData("[enforce fail at alloc_cpu.cpp:83] DefaultCPUAllocator: can't allocate memory: you tried to allocate 8589934592 bytes")]
    public void Classify_LibtorchMemoryErrors_OutOfMemory(string message)
    {
        Assert.Equal(FailureKind.OutOfMemory, FailureClassifier.Classify(new WrapperException("libtorch failed", new Exception(message)), started: true));
        Assert.Equal(FailureKind.OutOfMemory, FailureClassifier.Classify(new InsufficientMemoryException(), started: true));
    }

    [Fact]
    public void Classify_NotWritable_ReadOnly()
    {
        Assert.Equal(FailureKind.ReadOnly, FailureClassifier.Classify(new UnauthorizedAccessException("Access to the path '/ckpt/trial-3.ckpt.1.2.tmp' is denied."), started: true));
        // EROFS: IOException carries the errno on Unix.
        Assert.Equal(FailureKind.ReadOnly, FailureClassifier.Classify(new IOException("Read-only file system : '/ckpt/x.tmp'", 30), started: true));
    }

    [Fact]
    public void Classify_AnythingElse_LoadErrorBeforeTheFirstEpochTrainingErrorAfter()
    {
        var e = new InvalidOperationException("the model returned a tensor of the wrong shape");

        Assert.Equal(FailureKind.WorkloadLoad, FailureClassifier.Classify(e, started: false));
        Assert.Equal(FailureKind.Training, FailureClassifier.Classify(e, started: true));
    }

    [Fact]
    public void Classify_AggregateOfAFullDisk_DiskFull()
    {
        var e = new AggregateException(new InvalidOperationException("first"), new IOException("No space left on device", 28));

        Assert.Equal(FailureKind.DiskFull, FailureClassifier.Classify(e, started: true));
    }
}
