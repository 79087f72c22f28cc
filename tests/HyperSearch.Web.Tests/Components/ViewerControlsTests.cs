using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Web.Components.Layout;
using HyperSearch.Web.Components.Pages;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Tests.Components;

/// <summary>
/// A viewer saw New search, Clone, Teams and the audit log, and met a refusal behind each: the menu
/// and the Searches list now offer only what the signed-in user can use.
/// </summary>
public class ViewerControlsTests : DashboardTestContext
{
    public ViewerControlsTests()
    {
        Store.AddSearch("sweep");
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static Actor In(TeamRole role) => new("u9", "val", false, new Dictionary<long, TeamRole> { [DefaultTeam.Id] = role });

    [Fact]
    public void Menu_Viewer_NoNewSearchTeamsOrAudit()
    {
        Actor.Actor = In(TeamRole.Viewer);

        var cut = Render<NavMenu>();

        Assert.Empty(cut.FindAll("a[href='searches/new']"));
        Assert.Empty(cut.FindAll("a[href='teams']"));
        Assert.Empty(cut.FindAll("a[href='audit']"));
        Assert.Contains("Queue", cut.Markup);
    }

    [Fact]
    public void Menu_Member_NewSearchButNotTeamsOrAudit()
    {
        Actor.Actor = In(TeamRole.Member);

        var cut = Render<NavMenu>();

        Assert.Single(cut.FindAll("a[href='searches/new']"));
        Assert.Empty(cut.FindAll("a[href='teams']"));
        Assert.Empty(cut.FindAll("a[href='audit']"));
    }

    [Fact]
    public void Menu_Admin_Everything()
    {
        var cut = Render<NavMenu>(); // open mode: the local admin

        Assert.All(new[] { "a[href='searches/new']", "a[href='teams']", "a[href='audit']" }, id => Assert.Single(cut.FindAll(id)));
    }

    [Fact]
    public void SearchesList_Viewer_NoNewSearchButtonNorClone()
    {
        Actor.Actor = In(TeamRole.Viewer);

        var cut = Render<Searches>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".hs-search-link")));
        Assert.Empty(cut.FindAll("#new-search"));
        Assert.Empty(cut.FindAll("[title='Clone']"));
    }

    [Fact]
    public void SearchesList_Member_NewSearchAndClone()
    {
        Actor.Actor = In(TeamRole.Member);

        var cut = Render<Searches>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[title='Clone']")));
        Assert.Single(cut.FindAll("#new-search"));
    }
}
