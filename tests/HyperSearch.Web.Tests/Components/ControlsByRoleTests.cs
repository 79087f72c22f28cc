using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Components;

/// <summary>
/// The Search and Trial pages show steering controls only to who may use them, and the commands
/// behind them refuse anyone else even when called directly (as a forged circuit event would).
/// </summary>
public class ControlsByRoleTests : DashboardTestContext
{
    private const long OtherTeam = 99;

    public ControlsByRoleTests()
    {
        Store.AddSearch("sweep"); // team default, launched by nobody
        Store.AddTrial(1, 0.1, "step", null, HyperSearch.Core.Trials.TrialState.Running, epochs: 2);
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static Actor In(long team, TeamRole role) => new("u9", "bea", false, new Dictionary<long, TeamRole> { [team] = role });

    private static readonly string[] SearchControls = ["#pause", "#cancel-search", "#search-priority-editor", ".hs-priority-up"];

    [Fact]
    public void SearchPage_MemberOfAnotherTeamWithReadIsolationOff_NoSteeringControls_ButClone()
    {
        Actor.Actor = In(OtherTeam, TeamRole.Member) with { ReadsEveryTeam = true };

        var cut = Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));

        Assert.All(SearchControls, selector => Assert.Empty(cut.FindAll(selector)));
        Assert.Single(cut.FindAll("#clone")); // cloning copies into the user's own team
        Assert.Contains("priority 0 · team default", cut.Find("#search-priority").TextContent);
    }

    [Fact]
    public void SearchPage_LeadOfTheTeam_AllControls()
    {
        Actor.Actor = In(DefaultTeam.Id, TeamRole.Lead);

        var cut = Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));

        Assert.All(SearchControls.Append("#clone"), selector => Assert.NotEmpty(cut.FindAll(selector)));
    }

    [Fact]
    public void SearchPage_ViewerOfTheTeam_NoControlsNotEvenClone()
    {
        Actor.Actor = In(DefaultTeam.Id, TeamRole.Viewer);

        var cut = Render<SearchPage>(p => p.Add(c => c.SearchId, 1L));

        Assert.All(SearchControls.Append("#clone"), selector => Assert.Empty(cut.FindAll(selector)));
    }

    [Fact]
    public void TrialPage_MemberOfAnotherTeam_NoRerunNoCancel_AdminHasBoth()
    {
        Actor.Actor = In(OtherTeam, TeamRole.Lead);
        var outsider = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));
        Actor.Actor = HyperSearch.Core.Access.Actor.LocalOpenMode;
        var admin = Render<TrialPage>(p => p.Add(c => c.TrialId, 1L));

        Assert.Empty(outsider.FindAll("#rerun"));
        Assert.Empty(outsider.FindAll("#cancel-trial"));
        Assert.Single(admin.FindAll("#rerun"));
        Assert.Single(admin.FindAll("#cancel-trial"));
    }

    [Fact]
    public async Task Commands_CalledByAnOutsider_RefusedChangeNothingAndLogNothing()
    {
        Actor.Actor = In(OtherTeam, TeamRole.Lead);
        var commands = Services.GetRequiredService<SearchCommands>();

        Assert.False(await commands.PauseAsync(1, "sweep"));
        Assert.False(await commands.CancelAsync(1, "sweep"));
        Assert.False(await commands.CancelTrialAsync(1, "#1"));
        Assert.False(await commands.SetPriorityAsync(1, "sweep", 500));
        Assert.Null(await commands.AddTrialAsync(1, "sweep", Store.Trials[0].Config));

        Assert.Empty(Store.Commands);
        Assert.Empty(Store.AddedConfigs);
        Assert.Empty(Audit.Entries);
    }
}
