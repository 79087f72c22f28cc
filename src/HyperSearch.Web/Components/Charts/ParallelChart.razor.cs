namespace HyperSearch.Web.Components.Charts;

/// <summary>Parallel coordinates drawn by wwwroot-assets/js/charts/parallelChart.js.</summary>
public partial class ParallelChart
{
    public const string ModulePath = "./dist/js/charts/parallelChart.js";

    protected override string ModuleUrl => ModulePath;
}
