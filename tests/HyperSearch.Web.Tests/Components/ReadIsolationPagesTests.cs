using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

/// <summary>
/// Read isolation on the pages (docs/teams.md): a member of team "beta" sees beta's searches and
/// nothing of team "default" — not in the list, not by address, not through Compare or Clone, not
/// through the live feed.
/// </summary>
public class ReadIsolationPagesTests : DashboardTestContext
{
    private const long Beta = 7;
    private readonly long ownTrialId, foreignTrialId;

    public ReadIsolationPagesTests()
    {
        Store.AddSearch("default team's sweep"); // search 1, team default
        var own = Store.AddSearch("beta's sweep"); // search 2
        Store.Searches[1] = own with { Summary = own.Summary with { TeamId = Beta, TeamName = "beta" } };
        foreignTrialId = Store.AddTrial(1, 0.1, "step", 0.3).Id;
        ownTrialId = Store.AddTrial(2, 0.1, "step", 0.2).Id;
        Actor.Actor = new Actor("u9", "bea", false, new Dictionary<long, TeamRole> { [Beta] = TeamRole.Member });
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Searches_MemberOfBeta_ListsOnlyBetasSearches_EvenWhenTheFeedBringsOthers()
    {
        var cut = Render<Searches>();
        var foreign = Store.Searches[0].Summary with { Name = "default team's sweep, updated" };
        await cut.InvokeAsync(() => Feed.PushAsync(new ChangeSet([], [], [foreign], ChangeCursor.Start, false)));

        cut.WaitForAssertion(() => Assert.Equal(["beta's sweep"], cut.FindAll(".hs-search-link").Select(a => a.TextContent)));
    }

    [Fact]
    public void SearchPage_OtherTeamsSearch_ReadsAsNoSuchSearch()
    {
        var cut = Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));

        Assert.Equal("No such search.", cut.Find("#not-found").TextContent);
        Assert.DoesNotContain("default team's sweep", cut.Markup);
    }

    [Fact]
    public void TrialPage_OtherTeamsTrial_ReadsAsNoSuchTrial_OwnTrialShows()
    {
        var foreign = Render<TrialPage>(p => p.Add(c => c.TrialId, foreignTrialId));
        var own = Render<TrialPage>(p => p.Add(c => c.TrialId, ownTrialId));

        Assert.Equal("No such trial.", foreign.Find("#not-found").TextContent);
        Assert.Empty(own.FindAll("#not-found"));
    }

    [Fact]
    public void Compare_OtherTeamsTrialAndSearch_NamedAsMissing()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/compare?trials={foreignTrialId},{ownTrialId}&searches=1");

        var cut = Render<Compare>();

        Assert.Contains($"no trial with id {foreignTrialId}", cut.Find("#compare-missing").TextContent);
        Assert.Contains("no search with id 1", cut.Find("#compare-missing").TextContent);
        Assert.DoesNotContain("default team's sweep", cut.Markup);
    }

    [Fact]
    public void NewSearch_CloneOfOtherTeamsSearch_StartsFromAnEmptyForm()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/searches/new?clone=1");

        var cut = Render<NewSearch>();

        Assert.NotEqual("default team's sweep (copy)", cut.Find("#name input").GetAttribute("value"));
    }
}
