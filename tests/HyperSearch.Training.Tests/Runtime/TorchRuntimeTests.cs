using HyperSearch.Training.Runtime;

namespace HyperSearch.Training.Tests.Runtime;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void EnsureLoaded_FromTheOneRuntimeFolder_NoLibtorchCopiedIntoThisOutput()
    {
        TorchRuntime.EnsureLoaded();

        var dir = TorchRuntime.Directory!;
        Assert.EndsWith(Path.Combine("HyperSearch.Training", "obj", "torch-runtime") + Path.DirectorySeparatorChar, dir);
        // libtorch stays in the NuGet cache: the folder links to it, and no output folder holds a copy.
        Assert.NotNull(new FileInfo(Path.Combine(dir, "libtorch_cpu.so")).LinkTarget);
        Assert.Empty(Directory.GetFiles(AppContext.BaseDirectory, "libtorch*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp*", SearchOption.AllDirectories));
        Assert.Equal(3f, TorchSharp.torch.ones(3).sum().item<float>());
    }
}
