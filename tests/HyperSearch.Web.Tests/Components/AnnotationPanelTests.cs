using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

/// <summary>Notes and tags on the Search and Trial pages: edited by team members, checked like the API, filtered by.</summary>
public class AnnotationPanelTests : DashboardTestContext
{
    public AnnotationPanelTests()
    {
        Store.AddSearch("sweep");
        Store.AddTrial(1, 0.1, "cosine", 0.30);
        Store.AddTrial(1, 0.01, "step", 0.10);
        UseInteractiveRenderer();
    }

    private IRenderedComponent<SearchPage> RenderSearch(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/1" + query);
        return Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));
    }

    // The page may still be re-rendering its first data (an event on a replaced element is lost):
    // the click is repeated until the editor is open.
    private static void OpenEditor<T>(IRenderedComponent<T> cut, string panel) where T : IComponent =>
        cut.WaitForAssertion(() =>
        {
            if (cut.FindAll($"{panel} [data-field='tags'] input").Count == 0) cut.Find($"{panel} .hs-annotation-edit").Click();
            Assert.NotEmpty(cut.FindAll($"{panel} [data-field='tags'] input"));
        });

    [Fact]
    public async Task SearchPage_EditAndSave_StoredAuditedAndShownAsTagLinks()
    {
        var cut = RenderSearch();
        OpenEditor(cut, "#search-annotation");
        cut.Find("#search-annotation [data-field='tags'] input").Change("Baseline, paper:fig3");
        cut.Find("#search-annotation [data-field='notes'] textarea").Change("the run in the paper");

        // Found and clicked in one turn of the renderer: the input's change may re-render the panel in between (a CI run clicked a stale handler).
        await cut.InvokeAsync(() => cut.Find("#search-annotation .hs-annotation-save").Click());

        cut.WaitForAssertion(() => Assert.Equal(["baseline", "paper:fig3"], Store.Searches[0].Summary.Tags));
        Assert.Equal("the run in the paper", Store.Searches[0].Summary.Notes);
        Assert.Contains(Audit.Entries, e => e.StartsWith("local annotate 1 tags [baseline, paper:fig3]"));
        cut.WaitForAssertion(() => Assert.Equal("./?tag=baseline", cut.Find("#search-annotation [data-tag='baseline']").GetAttribute("href")));
        Assert.Contains("the run in the paper", cut.Find("#search-annotation .hs-notes").TextContent);
    }

    [Fact]
    public async Task SearchPage_BadTag_MessageUnderTheTagsBoxAndNothingSaved()
    {
        var cut = RenderSearch();
        OpenEditor(cut, "#search-annotation");
        cut.Find("#search-annotation [data-field='tags'] input").Change("good, bad!");

        // Found and clicked in one turn of the renderer: the input's change may re-render the panel in between (a CI run clicked a stale handler).
        await cut.InvokeAsync(() => cut.Find("#search-annotation .hs-annotation-save").Click());

        // The message renders after MudBlazor's input has passed the text on (asynchronous under load).
        cut.WaitForAssertion(() => Assert.Contains("got '!' in 'bad!'", cut.Find("#search-annotation [data-field='tags']").TextContent));
        Assert.Empty(Store.Searches[0].Summary.Tags);
    }

    [Fact]
    public void SearchPage_Viewer_SeesNotesButCannotEdit()
    {
        Store.Searches[0] = Store.Searches[0] with { Summary = Store.Searches[0].Summary with { Notes = "read me", Tags = ["keep"] } };
        Actor.Actor = new("u9", "val", false, new Dictionary<long, TeamRole> { [DefaultTeam.Id] = TeamRole.Viewer });

        var cut = RenderSearch();

        Assert.Contains("read me", cut.Find("#search-annotation").TextContent);
        Assert.Empty(cut.FindAll("#search-annotation .hs-annotation-edit"));
    }

    [Fact]
    public void SearchPage_TagInUrl_OnlyTaggedTrialsAndTheExportKeepsTheFilter()
    {
        Store.Trials[1] = Store.Trials[1] with { Tags = ["winner"] };

        var cut = RenderSearch("?tag=winner");

        cut.WaitForAssertion(() => Assert.Equal(["2"], cut.FindAll("#trials-grid tbody tr a[href^='trials/']").Select(a => a.TextContent)));
        Assert.Equal("downloads/searches/1/export?format=csv&tag=winner", cut.Find("a#export-csv").GetAttribute("href"));
    }

    [Fact]
    public async Task TrialPage_EditAndSave_StoredOnTheTrial()
    {
        var cut = Render<TrialPage>(p => p.Add(c => c.TrialId, 2L));
        OpenEditor(cut, "#trial-annotation");
        cut.Find("#trial-annotation [data-field='tags'] input").Change("winner");

        // Found and clicked in one turn of the renderer: the input's change may re-render the panel in between (a CI run clicked a stale handler).
        await cut.InvokeAsync(() => cut.Find("#trial-annotation .hs-annotation-save").Click());

        cut.WaitForAssertion(() => Assert.Equal(["winner"], Store.Trials[1].Tags));
        cut.WaitForAssertion(() => Assert.Equal("searches/1?tag=winner", cut.Find("#trial-annotation [data-tag='winner']").GetAttribute("href")));
    }
}
