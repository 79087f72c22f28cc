using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Web.Components.Pages;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HyperSearch.Web.Tests.Components;

public class QueuePageTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public QueuePageTests()
    {
        Store.AddSearch("sweep", epochs: 10);
        // The queued trials 8 and 9 exist in the store: cancelling one is authorised against its search.
        var queued = Store.AddTrial(1, 0.1, "constant", null, TrialState.Queued);
        Store.Trials.Remove(queued);
        Store.Trials.Add(queued with { Id = 8, Number = 4 });
        Store.Trials.Add(queued with { Id = 9, Number = 5 });
        Store.Queue = new QueueSnapshot(
            [new WorkerView("w1", "gpu-box", 42, Now, Now, true,
                [new SlotView("cuda:0", 0, 7, 1, "sweep", 3, 4, Now.AddMinutes(-4)), new SlotView("cuda:1", 0, null, null, null, null, null, null)])],
            [new QueuedTrialView(8, 1, "sweep", "ana", DefaultTeam.Id, DefaultTeam.Name, null, 4, TrialKind.Search, 0, 1, 1, WaitReason.NoFreeSlot, Now),
             new QueuedTrialView(9, 1, "sweep", "ana", DefaultTeam.Id, DefaultTeam.Name, null, 5, TrialKind.Search, 0, 1, 2, WaitReason.ParallelismLimit, Now)],
            [],
            []);
    }

    [Fact]
    public void Render_Snapshot_ShowsEverySlotBusyOrFreeWithProgress()
    {
        var cut = Render<Queue>();

        Assert.Contains("sweep #3", cut.Find("[data-slot='cuda:0/0']").TextContent);
        Assert.Contains("4/10 epochs", cut.Find("[data-slot='cuda:0/0']").TextContent);
        Assert.Contains("free", cut.Find("[data-slot='cuda:1/0']").TextContent);
    }

    [Fact]
    public void Render_ResumedTrial_EtaCountsTheEpochsLeftAtThePaceOfThisRunOnly()
    {
        var search = Store.AddSearch("long", epochs: 60).Summary.Id;
        // Resumed at epoch 26 from its checkpoint 100 minutes ago; trained 2 epochs since: 50 min an epoch, 32 left.
        Store.Queue = Store.Queue with
        {
            Workers = [Store.Queue.Workers[0] with { Slots = [new SlotView("cuda:0", 0, 70, search, "long", 1, 28, DateTimeOffset.UtcNow.AddMinutes(-100), EpochsThisRun: 2)] }],
        };

        var cut = Render<Queue>();

        // Counting the 26 restored epochs as trained here said 1h 54m.
        Assert.Equal("26h 40m", cut.Find("[data-slot='cuda:0/0'] td:last-child").TextContent.Trim());
    }

    [Fact]
    public void Render_WorkerCutOffFromALockedDatabase_AliveAndSaysWhyInsteadOfNoHeartbeat()
    {
        var heartbeat = DateTimeOffset.UtcNow.AddSeconds(-45);
        Store.Queue = Store.Queue with
        {
            Workers = [new WorkerView("w1", "box", 42, heartbeat, heartbeat, true,
                [new SlotView("cpu", 0, null, null, null, null, null, null, "database is locked", heartbeat)], "database is locked", heartbeat)],
        };

        var cut = Render<Queue>();

        Assert.Equal("alive", cut.Find("[data-worker='w1'] .mud-chip").TextContent.Trim());
        Assert.Matches(@"^cannot write to the database: database is locked for 4[5-9] s, retrying$", cut.Find("[data-worker='w1'] .hs-worker-problem").TextContent);
        Assert.Matches(@"^database is locked for 4[5-9] s, retrying$", cut.Find("[data-slot='cpu/0'] .hs-slot-problem").TextContent);
    }

    [Fact]
    public async Task LiveUpdate_NothingChangedButTwoSecondsPassed_ReloadsSoAStoppedWorkerLeavesThePage()
    {
        var clock = new ManualTime();
        Services.AddSingleton<TimeProvider>(clock);
        var cut = Render<Queue>();
        Store.Queue = Store.Queue with { Workers = [] }; // the worker unregistered; no trial or search changed
        var empty = new ChangeSet([], [], [], ChangeCursor.Start, false);

        await cut.InvokeAsync(() => Feed.PushAsync(empty));
        var afterOneTick = cut.FindAll("[data-worker]").Count;
        clock.Now += TimeSpan.FromSeconds(2);
        await cut.InvokeAsync(() => Feed.PushAsync(empty));

        Assert.Equal(1, afterOneTick); // unchanged ticks do not each cost a queue read
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-worker]")));
    }

    [Fact]
    public void Render_HyperbandTrial_ShowsItsBracketsRungsWithThosePassed()
    {
        var pruner = new PrunerSpec { Type = "hyperband", ReductionFactor = 3, MinResource = 1, MaxResource = 27 };
        var search = Store.AddSearch("bohb", epochs: 27, pruner: pruner).Summary.Id;
        var hyperband = new HyperbandPruner(3, 1, 27);
        var number = Enumerable.Range(1, 50).First(n => hyperband.BracketOf(n) == 1);
        Store.Queue = Store.Queue with
        {
            Workers = [Store.Queue.Workers[0] with { Slots = [new SlotView("cuda:0", 0, 70, search, "bohb", number, 4, Now)] }],
        };

        var cut = Render<Queue>();

        var bracket = cut.Find("[data-slot='cuda:0/0'] .hs-bracket");
        Assert.Equal("1", bracket.GetAttribute("data-bracket"));
        Assert.Equal(["3", "9", "27"], cut.FindAll(".hs-rung").Select(r => r.TextContent.Trim()));
        Assert.Equal(["3"], cut.FindAll(".hs-rung-passed").Select(r => r.TextContent.Trim()));
        // The text a person reads (and copies): the rungs apart, not "3927".
        Assert.EndsWith("rungs 3, 9, 27", System.Text.RegularExpressions.Regex.Replace(bracket.TextContent, @"\s+", " ").Trim());
    }

    [Fact]
    public void Render_QueuedTrials_ShowPositionAndWhyTheyWait()
    {
        var cut = Render<Queue>();

        var reasons = cut.FindAll(".hs-reason").Select(r => r.TextContent).ToList();
        Assert.Equal(["next in line: waits for a free device slot", "its search already runs as many trials as its parallelism allows"], reasons);
    }

    [Fact]
    public void Click_RaisePriority_StepsByTenNotOne()
    {
        var cut = Render<Queue>();

        cut.FindAll(".hs-priority-up")[0].Click();

        Assert.Equal([$"priority 1 {SearchCommands.PriorityStep}"], Store.Commands);
        Assert.Equal(10, SearchCommands.PriorityStep);
    }

    [Fact]
    public void Click_RaisePriority_WritesTheAuditLog()
    {
        var cut = Render<Queue>();

        cut.FindAll(".hs-priority-up")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal([$"local priority 1 priority {SearchCommands.PriorityStep}"], Audit.Entries));
    }

    [Fact]
    public async Task Render_MemberOfAnotherLaunch_NoPriorityOrCancelControls_ServerStillRefuses()
    {
        Actor.Actor = new Actor("u9", "val", false, new Dictionary<long, TeamRole> { [DefaultTeam.Id] = TeamRole.Member });
        Store.Queue = Store.Queue with
        {
            PendingAsks = [new PendingSearchView(1, "sweep", "ana", DefaultTeam.Id, DefaultTeam.Name, "u1", 0, 8, 1, 2, WaitReason.NoFreeSlot)],
        };
        var cut = Render<Queue>();

        Assert.Empty(cut.FindAll(".hs-priority-up"));
        Assert.Empty(cut.FindAll(".hs-cancel-trial"));
        Assert.Empty(cut.FindAll(".hs-cancel-search, .hs-pause-search"));
        Assert.Equal(["0", "0", "0"], cut.FindAll(".hs-priority-fixed").Select(p => p.TextContent.Trim()));
        // A hidden button is not the authorisation: the command itself refuses a forged click.
        var commands = Services.GetRequiredService<SearchCommands>();
        Assert.False(await cut.InvokeAsync(() => commands.SetPriorityAsync(1, "sweep", 50)));
        Assert.Empty(Store.Commands);
        Assert.Empty(Audit.Entries);
    }

    [Fact]
    public void Render_LeadOfTheTeam_SeesPriorityAndCancelControls()
    {
        Actor.Actor = new Actor("u9", "val", false, new Dictionary<long, TeamRole> { [DefaultTeam.Id] = TeamRole.Lead });

        var cut = Render<Queue>();

        Assert.Equal(2, cut.FindAll("#queued-grid .hs-priority-up").Count);
        Assert.Equal(2, cut.FindAll(".hs-cancel-trial").Count);
    }

    [Fact]
    public void Render_ThousandWaitingSearches_FiftyRowsThenMoreOnRequest()
    {
        Store.Queue = Store.Queue with
        {
            PendingAsks = [.. Enumerable.Range(1, 120).Select(i => new PendingSearchView(i, $"s{i}", "ana", DefaultTeam.Id, DefaultTeam.Name, null, 0, 8, 0, 2, WaitReason.NoFreeSlot))],
        };
        var cut = Render<Queue>();
        Assert.Equal(50, cut.FindAll("#pending-asks tbody tr").Count);
        Assert.Contains("Showing 50 of 120 searches", cut.Find("#pending-more").TextContent);
        Assert.Empty(cut.FindAll("#queued-more")); // two queued trials: no button

        cut.Find("#pending-more .hs-show-more").Click();
        Assert.Equal(100, cut.FindAll("#pending-asks tbody tr").Count);
        cut.Find("#pending-more .hs-show-more").Click();

        Assert.Equal(120, cut.FindAll("#pending-asks tbody tr").Count);
        Assert.Equal("s120", cut.FindAll("#pending-asks tbody tr").Last().QuerySelector("a")!.TextContent);
        Assert.Empty(cut.FindAll("#pending-more"));
    }

    [Fact]
    public void Render_TeamAtItsQuota_SaysSo()
    {
        Store.Queue = Store.Queue with
        {
            Queued = [Store.Queue.Queued[0] with { Reason = WaitReason.TeamQuota }],
            PendingAsks = [new PendingSearchView(1, "sweep", "ana", DefaultTeam.Id, DefaultTeam.Name, null, 0, 8, 1, 2, WaitReason.TeamQuota)],
        };

        var cut = Render<Queue>();

        Assert.Equal(["team at its quota", "team at its quota"], cut.FindAll(".hs-reason").Select(r => r.TextContent));
    }

    [Fact]
    public void Render_TeamShares_RunningAllowedAndCapPerDeviceKind()
    {
        Store.Queue = Store.Queue with
        {
            Teams =
            [
                new TeamShareView(2, "vision", 2, [new DeviceShareView("cpu", 4, 4, null), new DeviceShareView("cuda", 1, 1, 1)]),
                new TeamShareView(3, "nlp", 1, [new DeviceShareView("cpu", 2, 2, null), new DeviceShareView("cuda", 0, 0.5, null)]),
            ],
        };

        var cut = Render<Queue>();

        Assert.Equal("2", cut.Find("#team-shares [data-team='vision'] .hs-team-weight").TextContent);
        Assert.Equal(["4 / 4", "1 / 1 (cap 1)"], cut.FindAll("#team-shares [data-team='vision'] .hs-team-share").Select(c => c.TextContent));
        Assert.Equal(["2 / 2", "0 / 0.5"], cut.FindAll("#team-shares [data-team='nlp'] .hs-team-share").Select(c => c.TextContent));
    }

    [Fact]
    public void Click_CancelTrial_AsksFirstAndCancelsOnlyWhenConfirmed()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<Queue>();

        cut.FindAll(".hs-cancel-trial")[1].Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Cancel sweep #5?", dialogs.Find("#confirm-message").TextContent));
        Assert.Empty(Store.Commands);
        dialogs.Find("#confirm-yes").Click();
        cut.WaitForAssertion(() => Assert.Equal(["cancel-trial 9"], Store.Commands));
    }

    [Fact]
    public void Click_CancelTrialThenKeepIt_CancelsNothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<Queue>();

        cut.FindAll(".hs-cancel-trial")[0].Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-no").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#confirm-message")));
        Assert.Empty(Store.Commands);
    }

    [Fact]
    public void Render_WaitingSearches_OnlyTheFirstIsNextInLineAndEachHasPriorityPauseCancel()
    {
        Store.AddSearch("second", epochs: 10);
        Store.Queue = Store.Queue with
        {
            Queued = [],
            PendingAsks =
            [
                new PendingSearchView(1, "sweep", "ana", DefaultTeam.Id, DefaultTeam.Name, null, 0, 8, 1, 2, WaitReason.NoFreeSlot),
                new PendingSearchView(2, "second", "bo", DefaultTeam.Id, DefaultTeam.Name, null, 0, 5, 0, 2, WaitReason.NoFreeSlot),
            ],
        };
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<Queue>();

        var reasons = cut.FindAll("#pending-asks .hs-reason").Select(r => r.TextContent).ToList();
        Assert.Equal(["next in line: waits for a free device slot", "waits for a free device slot, behind the ones above"], reasons);
        cut.Find("#pending-asks [data-search='2'] .hs-priority-up").Click();
        cut.Find("#pending-asks [data-search='2'] .hs-pause-search").Click();
        cut.Find("#pending-asks [data-search='1'] .hs-cancel-search").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("#confirm-yes").Click());
        cut.WaitForAssertion(() => Assert.Equal(["priority 2 10", "pause 2", "cancel 1"], Store.Commands));
    }

    [Fact]
    public void Type_PriorityThatIsNotANumber_ChangesNothingAndSaysSoUnderThatBox()
    {
        Store.Queue = Store.Queue with { Queued = [.. Store.Queue.Queued.Select(q => q with { Priority = 30 })] };
        var cut = Render<Queue>();

        cut.Find("#queued-grid [data-trial='9'] .hs-priority-value input").Change("abc");

        // Set the search's priority to 0 before.
        Assert.Empty(Store.Commands);
        Assert.Contains("Not a valid number", cut.Find("#queued-grid [data-trial='9'] .hs-priority").TextContent);
        Assert.DoesNotContain("Not a valid number", cut.Find("#queued-grid [data-trial='8'] .hs-priority").TextContent);
    }

    [Fact]
    public async Task Reorder_RowsAfterAMessage_TheMessageStaysUnderItsOwnSearchsBox()
    {
        Store.AddSearch("second", epochs: 10);
        PendingSearchView Pending(long id, string name) => new(id, name, "ana", DefaultTeam.Id, DefaultTeam.Name, null, 30, 5, 0, 2, WaitReason.NoFreeSlot);
        Store.Queue = Store.Queue with { Queued = [], PendingAsks = [Pending(1, "sweep"), Pending(2, "second")] };
        var cut = Render<Queue>();
        cut.Find("#pending-asks [data-search='2'] .hs-priority-value input").Change("abc");

        Store.Queue = Store.Queue with { PendingAsks = [Pending(2, "second"), Pending(1, "sweep")] };
        // A gap makes the page read the queue again at once.
        await cut.InvokeAsync(() => Feed.PushAsync(new ChangeSet([], [], [], ChangeCursor.Start, false), gap: true));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.FindAll("#pending-asks tbody tr")[0].GetAttribute("data-search")));
        Assert.Contains("Not a valid number", cut.Find("#pending-asks [data-search='2'] .hs-priority").TextContent);
        Assert.DoesNotContain("Not a valid number", cut.Find("#pending-asks [data-search='1'] .hs-priority").TextContent);
        Assert.Empty(Store.Commands);
    }
}
