using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Components.Pages;

namespace HyperSearch.Web.Tests.Components;

public class QueuePageTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public QueuePageTests()
    {
        Store.AddSearch("sweep", epochs: 10);
        Store.Queue = new QueueSnapshot(
            [new WorkerView("w1", "gpu-box", 42, Now, Now, true,
                [new SlotView("cuda:0", 0, 7, 1, "sweep", 3, 4, Now.AddMinutes(-4)), new SlotView("cuda:1", 0, null, null, null, null, null, null)])],
            [new QueuedTrialView(8, 1, "sweep", "ana", 4, TrialKind.Search, 0, 1, 1, WaitReason.NoFreeSlot, Now),
             new QueuedTrialView(9, 1, "sweep", "ana", 5, TrialKind.Search, 0, 1, 2, WaitReason.ParallelismLimit, Now)],
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
    public void Render_QueuedTrials_ShowPositionAndWhyTheyWait()
    {
        var cut = Render<Queue>();

        var reasons = cut.FindAll(".hs-reason").Select(r => r.TextContent).ToList();
        Assert.Equal(["next in line: waits for a free device slot", "its search already runs as many trials as its parallelism allows"], reasons);
    }

    [Fact]
    public void Click_RaisePriorityAndCancel_SendsCommandsToStore()
    {
        var cut = Render<Queue>();

        cut.FindAll(".hs-priority-up")[0].Click();
        cut.FindAll(".hs-cancel-trial")[1].Click();

        Assert.Equal(["priority 1 1", "cancel-trial 9"], Store.Commands);
    }
}
