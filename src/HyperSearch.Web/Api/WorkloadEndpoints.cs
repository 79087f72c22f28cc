using HyperSearch.Core.Training;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Api;

/// <summary>/api/workloads: what a search's <c>workload</c> may name (C# and command workloads), as <c>hypersearch workloads --json</c> prints it.</summary>
public static class WorkloadEndpoints
{
    public static RouteGroupBuilder MapWorkloadEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/workloads", (IWorkloadCatalog catalog) => Results.Ok(new WorkloadList(catalog.Workloads, catalog.PluginErrors)))
            .Produces<WorkloadList>()
            .WithTags("Workloads")
            .WithSummary("Every workload a search may name: kind torchSharp (a C# class) or command (a team's own program, with its command line).");
        return api;
    }
}
