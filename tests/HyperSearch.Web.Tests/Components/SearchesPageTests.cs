using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

public class SearchesPageTests : DashboardTestContext
{
    public SearchesPageTests()
    {
        Store.AddSearch("mlp sweep");
        Store.AddSearch("cnn sweep", SearchState.Completed);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static List<string> Names(IRenderedComponent<Searches> cut) => [.. cut.FindAll(".hs-search-link").Select(a => a.TextContent)];

    [Fact]
    public void Render_StateFilterInUrl_ShowsOnlyThatState()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?state=Completed");

        var cut = Render<Searches>();

        Assert.Equal(["cnn sweep"], Names(cut));
    }

    [Fact]
    public async Task LiveChange_SearchProgress_UpdatesRowWithoutReload()
    {
        var cut = Render<Searches>();
        var updated = Store.Searches[0].Summary with { Counts = new TrialCounts(0, 2, 3, 0, 0, 0, 0) };

        await cut.InvokeAsync(() => Feed.PushAsync(new ChangeSet([], [], [updated], ChangeCursor.Start, false)));

        Assert.Contains("3/10 done · 2 running", cut.Markup);
    }

    [Fact]
    public void Click_Pause_SendsCommand()
    {
        var cut = Render<Searches>();

        cut.Find("button[title='Pause']").Click();

        Assert.Equal(["pause 1"], Store.Commands);
    }

    [Fact]
    public void Prerender_StaticHtml_AlreadyListsTheSearches()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<Searches>();

        Assert.Equal(["cnn sweep", "mlp sweep"], Names(cut));
    }

    [Fact]
    public void Click_Cancel_AsksFirstThenCancels()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = Render<Searches>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".hs-cancel-search")));

        cut.Find(".hs-cancel-search").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Cancel “mlp sweep”?", dialogs.Find("#confirm-message").TextContent));
        Assert.Empty(Store.Commands);
        dialogs.Find("#confirm-yes").Click();
        cut.WaitForAssertion(() => Assert.Equal(["cancel 1"], Store.Commands));
    }
}
