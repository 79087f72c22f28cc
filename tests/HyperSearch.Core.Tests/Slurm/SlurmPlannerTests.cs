using HyperSearch.Core.Searches;
using HyperSearch.Core.Slurm;

namespace HyperSearch.Core.Tests.Slurm;

public sealed class SlurmPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SlurmProfileLimits Default = new("default", SlotsPerJob: 2, MaxJobs: 10);

    private static QueuedTrialView Queued(long searchId, string team, WaitReason reason = WaitReason.NoFreeSlot, int n = 1) =>
        new(n, searchId, "s", "o", 1, team, null, n, TrialKind.Search, 0, 1, n, reason, T0);

    private static PendingSearchView Ask(long searchId, string team, int remaining, int running, int parallelism, WaitReason reason = WaitReason.NoFreeSlot) =>
        new(searchId, "s", "o", 1, team, null, 0, remaining, running, parallelism, reason);

    private static QueueSnapshot Queue(IReadOnlyList<QueuedTrialView>? queued = null, IReadOnlyList<PendingSearchView>? asks = null) =>
        new([], queued ?? [], asks ?? [], []);

    private static WorkerView Worker(string jobId, params long?[] trials) =>
        new($"w{jobId}", SlurmWorkerHost.Format("node1", jobId), 1, T0, T0, true,
            trials.Select((t, i) => new SlotView("cpu", i, t, t is null ? null : 1, null, null, null, null)).ToList());

    private static SlurmJob Job(string id, string state = "RUNNING", string profile = "default") => new(id, profile, state, state == "PENDING" ? "Priority" : "None");

    private static Dictionary<string, int> Want(int n) => new() { ["default"] = n };

    [Fact]
    public void Demand_QueuedAndAskable_CountsStartableTrialsPerTeamCappedAtFreeParallelism()
    {
        var queue = Queue(
            [Queued(1, "a"), Queued(1, "a", WaitReason.LowerPriority, 2), Queued(2, "b", WaitReason.Paused), Queued(3, "b", WaitReason.ParallelismLimit), Queued(4, "b", WaitReason.TeamQuota)],
            // search 1: 2 queued + 10 to ask, but only 3 more may run; search 5: 4 to ask, 4 more may run
            [Ask(1, "a", remaining: 10, running: 1, parallelism: 4), Ask(5, "b", remaining: 4, running: 0, parallelism: 8), Ask(6, "b", 5, 0, 2, WaitReason.Paused)]);

        var demand = SlurmPlanner.Demand(queue);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 4 }, demand);
    }

    [Fact]
    public void Demand_NothingWaits_IsEmpty() => Assert.Empty(SlurmPlanner.Demand(Queue()));

    [Fact]
    public void Plan_FiveTrialsWaitNoJobs_SubmitsEnoughJobsRoundedUp()
    {
        var plan = SlurmPlanner.Plan(Want(5), [Default], [], [], maxJobs: 16);

        Assert.Equal(3, plan.Submit["default"]);
        Assert.Empty(plan.Cancel);
    }

    [Fact]
    public void Plan_PendingAndStartingJobsAndFreeSlots_CountAsComingCapacity()
    {
        // 7 wanted: job 1's worker has one free slot, job 2 is pending (2 slots), job 3 runs but its worker has
        // not registered yet (2 slots) → 2 missing → 1 job.
        var plan = SlurmPlanner.Plan(Want(7), [Default], [Job("1"), Job("2", "PENDING"), Job("3")], [Worker("1", 10, null)], maxJobs: 16);

        Assert.Equal(1, plan.Submit["default"]);
    }

    [Fact]
    public void Plan_AtTheProfileCapOrTheDeploymentCap_SubmitsOnlyWhatFits()
    {
        var jobs = new[] { Job("1", "PENDING"), Job("2", "PENDING") };

        Assert.Equal(1, SlurmPlanner.Plan(Want(100), [Default with { MaxJobs = 3 }], jobs, [], maxJobs: 16).Submit["default"]);
        Assert.Equal(2, SlurmPlanner.Plan(Want(100), [Default], jobs, [], maxJobs: 4).Submit["default"]);
        Assert.Empty(SlurmPlanner.Plan(Want(100), [Default], jobs, [], maxJobs: 2).Submit);
    }

    [Fact]
    public void Plan_TwoProfiles_EachGetsItsOwnJobsWithinTheSharedCap()
    {
        var gpu = new SlurmProfileLimits("vision", SlotsPerJob: 1, MaxJobs: 10);

        var plan = SlurmPlanner.Plan(new Dictionary<string, int> { ["default"] = 4, ["vision"] = 5 }, [Default, gpu], [], [], maxJobs: 6);

        Assert.Equal(2, plan.Submit["default"]);
        Assert.Equal(4, plan.Submit["vision"]);
    }

    [Fact]
    public void Plan_NoDemand_CancelsPendingJobsAndIdleWorkersButNotBusyOnes()
    {
        var jobs = new[] { Job("1"), Job("2"), Job("3", "PENDING"), Job("4"), Job("9", profile: "other") };
        // job 1 idle, job 2 still finishing a trial, job 4 starting (no worker yet), job 9 another profile's
        var plan = SlurmPlanner.Plan(new Dictionary<string, int>(), [Default], jobs, [Worker("1", null, null), Worker("2", null, 7), Worker("9", [null])], maxJobs: 16);

        Assert.Empty(plan.Submit);
        Assert.Equal(["1", "3"], plan.Cancel.Select(c => c.JobId).Order());
    }

    [Fact]
    public void Plan_FewerTrialsThanPendingJobsServe_CancelsTheSurplusNewestFirst()
    {
        var jobs = new[] { Job("9", "PENDING"), Job("10", "PENDING"), Job("11", "PENDING") };

        var plan = SlurmPlanner.Plan(Want(2), [Default], jobs, [], maxJobs: 16);

        Assert.Empty(plan.Submit);
        Assert.Equal(["11", "10"], plan.Cancel.Select(c => c.JobId));
    }

    [Fact]
    public void Plan_WaitingTrialsMatchFreeSlots_DoesNothing()
    {
        // The four waiting trials are about to be claimed by the four free slots of the two jobs' workers.
        var plan = SlurmPlanner.Plan(Want(4), [Default], [Job("1"), Job("2")], [Worker("1", null, null), Worker("2", null, null)], maxJobs: 16);

        Assert.Empty(plan.Submit);
        Assert.Empty(plan.Cancel);
    }

    [Theory]
    [InlineData("node7 slurm job 123", "123")]
    [InlineData("node7 slurm job 4_2", "4_2")]
    [InlineData("node7", null)]
    [InlineData("slurm job 5 elsewhere", null)]
    public void WorkerHost_JobId_ParsesOnlyTheExecutorsFormat(string host, string? expected) =>
        Assert.Equal(expected, SlurmWorkerHost.JobId(host));
}
