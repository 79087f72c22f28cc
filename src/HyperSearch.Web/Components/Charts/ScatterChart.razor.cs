namespace HyperSearch.Web.Components.Charts;

/// <summary>A scatter plot drawn by wwwroot-assets/js/charts/scatterChart.js (LR vs metric).</summary>
public partial class ScatterChart
{
    public const string ModulePath = "./dist/js/charts/scatterChart.js";

    protected override string ModuleUrl => ModulePath;
}
