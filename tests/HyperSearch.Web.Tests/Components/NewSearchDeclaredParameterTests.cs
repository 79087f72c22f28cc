using Bunit;
using HyperSearch.Core.Training;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Launch;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

/// <summary>
/// The launch form checks a spec against what its workload declares, as the API does: a clone whose
/// params the form keeps unchanged (it has no box for them) is refused at Launch when one is misspelt.
/// </summary>
public class NewSearchDeclaredParameterTests : DashboardTestContext
{
    public NewSearchDeclaredParameterTests()
    {
        Services.AddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog([new WorkloadInfo("two-spirals", "", WorkloadKind.TorchSharp,
            Parameters: [WorkloadParameter.Int("hidden", 2, 256, 32, "hidden units")])]));
        UseInteractiveRenderer();
    }

    [Theory]
    [InlineData("hiden", 16, "space.params.hiden", "did you mean 'hidden'")]
    [InlineData("hidden", 512, "space.params.hidden.high", "[2, 256]")]
    public void Launch_CloneWithParamsOutsideTheDeclaration_RefusedNamingTheField(string name, int high, string field, string message)
    {
        Store.AddSearch("with params", spaceJson: $$"""{ "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} }, "params": { "{{name}}": { "type": "int", "low": 8, "high": {{high}} } } }""");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/new?clone=1");
        var cut = Render<NewSearch>();

        cut.Find("#launch").Click();

        Assert.Empty(Store.Created);
        Assert.Contains("Fix 1 field", cut.Find("#form-errors").TextContent);
        // No box shows params (the clone keeps them as they were): the message stands under the space, by its path.
        Assert.Contains(message, cut.Find($"[data-path='{field}']").TextContent);
    }

    [Fact]
    public void Launch_CloneWithDeclaredParamsInRange_Launches()
    {
        Store.AddSearch("with params", spaceJson: """{ "initialLr": { "low": 0.001, "high": 0.1 }, "decay": { "constant": {} }, "params": { "hidden": { "type": "int", "low": 8, "high": 64 } } }""");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/new?clone=1");
        var cut = Render<NewSearch>();

        cut.Find("#launch").Click();

        Assert.Single(Store.Created);
    }
}
