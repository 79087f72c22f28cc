using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Workloads;

public sealed class WorkloadRegistryTests
{
    [Fact]
    public void CreateDefault_HasBuiltInWorkloads()
    {
        var registry = WorkloadRegistry.CreateDefault();

        Assert.Equal(["fashion-cnn", "fashion-mlp", "synthetic-regression", "two-spirals"], registry.Names.Order());
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        var registry = WorkloadRegistry.CreateDefault();

        Assert.Throws<ArgumentException>(() => registry.Add(new SyntheticRegressionWorkload()));
    }

    [Fact]
    public void Get_Unknown_ListsKnownNames()
    {
        var error = Assert.Throws<UnknownWorkloadException>(() => WorkloadRegistry.CreateDefault().Get("mnist"));

        Assert.Equal("workload", error.ParamName);
        Assert.Contains("two-spirals", error.Message);
    }
}
