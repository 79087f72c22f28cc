using HyperSearch.Training.Plugins;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Plugins;

public sealed class WorkloadPluginsTests
{
    [Fact]
    public void Load_MissingAndNonPluginFiles_RecordedAndNamedWhenAWorkloadIsUnknown()
    {
        var registry = WorkloadRegistry.CreateDefault();
        var notAnAssembly = Path.GetTempFileName();
        try
        {
            WorkloadPlugins.Load(registry, ["/nowhere/TeamModels.dll", notAnAssembly, typeof(WorkloadPluginsTests).Assembly.Location], new WorkloadOptions());
        }
        finally
        {
            File.Delete(notAnAssembly);
        }

        Assert.Equal(6, registry.Names.Count);
        Assert.Contains(registry.PluginErrors, e => e.StartsWith("/nowhere/TeamModels.dll: not found"));
        Assert.Contains(registry.PluginErrors, e => e.StartsWith(notAnAssembly) && e.Contains("could not be loaded"));
        // This test assembly has a public IWorkload whose constructor needs a fault: reported, not thrown.
        Assert.Contains(registry.PluginErrors, e => e.Contains("BrokenWorkload could not be created"));
        var error = Assert.Throws<UnknownWorkloadException>(() => registry.Get("team-moons"));
        Assert.Contains("plug-ins that failed to load: /nowhere/TeamModels.dll: not found", error.Message);
    }
}
