using HyperSearch.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Web.Tests.Hosting;

/// <summary>The dashboard refuses to start on a wrong command workload setting, one line per key (as for its other settings).</summary>
public class CommandSettingsCheckTests
{
    [Fact]
    public void CommandWorkload_Mistyped_EachNamedByItsKey()
    {
        var problems = SettingsCheck.Problems(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Workloads:Commands:0:Name"] = "mine",
            ["HyperSearch:Workloads:Commands:0:Executable"] = "/usr/bin/python3",
            ["HyperSearch:Workloads:Commands:0:StopGraceSeconds"] = "0",
            ["HyperSearch:Workloads:Commands:1:Executable"] = "/usr/bin/python3",
        }).Build());

        Assert.Equal(
        [
            "HyperSearch:Workloads:Commands:0:StopGraceSeconds: must be a number > 0; got '0'",
            "HyperSearch:Workloads:Commands:1:Name: is required",
        ], problems);
    }
}
