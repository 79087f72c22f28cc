using HyperSearch.Core.Training;

namespace HyperSearch.Web.Launch;

/// <summary>The workloads the form offers and the validator accepts: C# ones and command workloads (a team's own program).</summary>
public interface IWorkloadCatalog
{
    IReadOnlyList<WorkloadInfo> Workloads { get; }

    IReadOnlyList<string> Names { get; }

    /// <summary>Plug-ins (and commands) that could not be registered, each with why.</summary>
    IReadOnlyList<string> PluginErrors { get; }
}
