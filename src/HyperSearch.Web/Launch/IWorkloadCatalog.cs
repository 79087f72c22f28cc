namespace HyperSearch.Web.Launch;

/// <summary>The workload names the form offers and the validator accepts.</summary>
public interface IWorkloadCatalog
{
    IReadOnlyList<string> Names { get; }
}
