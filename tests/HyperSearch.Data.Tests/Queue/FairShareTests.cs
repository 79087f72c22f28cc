using HyperSearch.Core.FairShare;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Accounts;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queue;

/// <summary>The claim order across teams (weights) and the per-kind slot caps, on real databases.</summary>
public sealed class FairShareTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Next_TwoTeamsWeights2To1OnSixSlots_FourAndTwoRunAndHoldAsTrialsFinish(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var a = await SearchAsync(db, await TeamAsync(db, "a", new TeamQuota(Weight: 2)), "a");
        var b = await SearchAsync(db, await TeamAsync(db, "b", new TeamQuota(Weight: 1)), "b");

        var held = new List<ClaimedTrial>();
        for (var slot = 0; slot < 6; slot++) held.Add((await NextAsync(db, Specs.Slot(worker, slot)))!);
        var filled = Split(held, a, b);
        // Steady state: whichever team's trial ends, its slot goes back to the same team.
        var steady = new List<(int, int)>();
        for (var round = 0; round < 8; round++)
        {
            var done = held[round % 2 == 0 ? held.FindIndex(t => t.SearchId == a) : held.FindIndex(t => t.SearchId == b)];
            Assert.True(await db.WorkQueue.FinishTrialAsync(done.Lease, new TrialResult(TrialState.Completed, 3)));
            held.Remove(done);
            held.Add((await NextAsync(db, Specs.Slot(worker, 10 + round)))!);
            steady.Add(Split(held, a, b));
        }
        var queue = await db.Store.GetQueueAsync();

        Assert.Equal((4, 2), filled);
        Assert.All(steady, s => Assert.Equal((4, 2), s));
        Assert.Equal(["a", "b"], queue.Teams.Select(t => t.Team));
        Assert.Equal([(2, "cpu", 4, 4.0, (int?)null), (1, "cpu", 2, 2.0, null)],
            queue.Teams.Select(t => (t.Weight, t.Devices.Single().Kind, t.Devices.Single().Running, t.Devices.Single().Allowed, t.Devices.Single().Cap)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimQueued_TeamShareBeforeSearchShareAndAge_WeightChangesTheShare(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var teamA = await TeamAsync(db, "a", TeamQuota.Default);
        var a = await SearchAsync(db, teamA, "a");
        var b = await SearchAsync(db, await TeamAsync(db, "b", TeamQuota.Default), "b");
        await Specs.AskAsync(db.WorkQueue, a, Specs.Slot(worker, 0));
        await Specs.AskAsync(db.WorkQueue, a, Specs.Slot(worker, 1));
        var olderOfA = (await db.Store.AddTrialAsync(a, Specs.Config(0.02))).TrialId;
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var newerOfB = (await db.Store.AddTrialAsync(b, Specs.Config(0.03))).TrialId;
        var laterOfB = (await db.Store.AddTrialAsync(b, Specs.Config(0.04))).TrialId;

        // a runs 2 at weight 1, b none: b's newer trial goes before a's older one.
        var first = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 2));
        // Now a runs 2 at weight 4 (0.5 per weight), b runs 1 at weight 1: a's turn.
        Assert.Empty(await new TeamDirectory(db.Factory, db.Time).SetQuotaAsync("a", new TeamQuota(Weight: 4)));
        var second = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 3));
        var third = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 4));

        Assert.Equal([newerOfB, olderOfA, laterOfB], new[] { first, second, third }.Select(c => (long?)c!.Lease.TrialId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ClaimQueued_HigherPriority_BeforeAFairerTeamShare(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var busy = await SearchAsync(db, await TeamAsync(db, "busy", TeamQuota.Default), "busy");
        var idle = await SearchAsync(db, await TeamAsync(db, "idle", TeamQuota.Default), "idle");
        await Specs.AskAsync(db.WorkQueue, busy, Specs.Slot(worker, 0));
        var idleTrial = (await db.Store.AddTrialAsync(idle, Specs.Config())).TrialId;
        var busyTrial = (await db.Store.AddTrialAsync(busy, Specs.Config())).TrialId;
        await db.Store.SetPriorityAsync(busy, 10);

        var claimed = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 1));

        Assert.Equal(busyTrial, claimed!.Lease.TrialId);
        Assert.NotEqual(idleTrial, busyTrial);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Next_TeamAtItsCpuCap_SkippedOnCpuSlotsStillServedOnCuda(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var capped = await SearchAsync(db, await TeamAsync(db, "capped", new TeamQuota(CpuSlots: 1)), "capped");
        var other = await SearchAsync(db, await TeamAsync(db, "other", TeamQuota.Default), "other");

        var cpu = new List<ClaimedTrial?>();
        for (var slot = 0; slot < 4; slot++) cpu.Add(await NextAsync(db, Specs.Slot(worker, slot)));
        var cpuAsks = await db.WorkQueue.GetAskCandidatesAsync(10, DeviceKind.Cpu);
        var refused = await db.WorkQueue.InsertAskedTrialAsync(capped, 2, Specs.Config(), Specs.Slot(worker, 5));
        var queued = (await db.Store.AddTrialAsync(capped, Specs.Config(0.05))).TrialId;
        var onCpu = await db.WorkQueue.ClaimQueuedAsync(Specs.Slot(worker, 6));
        var queue = await db.Store.GetQueueAsync();
        var onCuda = await db.WorkQueue.ClaimQueuedAsync(new SlotRef(worker, "cuda:0", 0));

        Assert.Equal([capped, other, other, other], cpu.Select(c => c!.SearchId));
        Assert.Equal([other], cpuAsks.Select(c => c.SearchId));
        Assert.Equal(AskStatus.NotAllowed, refused.Status);
        Assert.Null(onCpu);
        // The worker offers cpu only, so the queued trial and the search wait for the team's quota.
        Assert.Equal(WaitReason.TeamQuota, queue.Queued.Single(q => q.TrialId == queued).Reason);
        Assert.Equal(WaitReason.TeamQuota, queue.PendingAsks.Single(p => p.SearchId == capped).Reason);
        Assert.Equal((1, 1.0, (int?)1), queue.Teams.Where(t => t.Team == "capped").Select(t => (t.Devices[0].Running, t.Devices[0].Allowed, t.Devices[0].Cap)).Single());
        Assert.Equal(queued, onCuda!.Lease.TrialId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Next_ShareCountedPerDeviceKind_ATeamBusyOnCpuSlotsGoesFirstForAFreeGpu(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var onCpu = await SearchAsync(db, await TeamAsync(db, "cpu-team", TeamQuota.Default), "cpu-team");
        for (var slot = 0; slot < 3; slot++) Assert.Equal(AskStatus.Claimed, (await Specs.AskAsync(db.WorkQueue, onCpu, Specs.Slot(worker, slot))).Status);
        var onGpu = await SearchAsync(db, await TeamAsync(db, "gpu-team", TeamQuota.Default), "gpu-team");
        Assert.Equal(AskStatus.Claimed, (await Specs.AskAsync(db.WorkQueue, onGpu, new SlotRef(worker, "cuda:0", 0))).Status);

        // cpu-team runs 3 CPU slots and no GPU, gpu-team 1 GPU and no CPU slot (equal weights).
        var askedForGpu = await db.WorkQueue.GetAskCandidatesAsync(10, DeviceKind.Cuda);
        var askedForCpu = await db.WorkQueue.GetAskCandidatesAsync(10, DeviceKind.Cpu);
        var gpuTeamOnSecondGpu = await db.WorkQueue.InsertAskedTrialAsync(onGpu, 2, Specs.Config(), new SlotRef(worker, "cuda:1", 0));
        await db.Store.AddTrialAsync(onGpu, Specs.Config(0.03)); // queued first: older than cpu-team's
        var queuedCpu = (await db.Store.AddTrialAsync(onCpu, Specs.Config(0.02))).TrialId;
        var secondGpu = await db.WorkQueue.ClaimQueuedAsync(new SlotRef(worker, "cuda:1", 0));

        Assert.Equal([onCpu, onGpu], askedForGpu.Select(c => c.SearchId));
        Assert.Equal([onGpu, onCpu], askedForCpu.Select(c => c.SearchId));
        Assert.Equal(AskStatus.TeamBehind, gpuTeamOnSecondGpu.Status);
        Assert.Equal(queuedCpu, secondGpu!.Lease.TrialId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Next_ManyConcurrentSlotsOnTwoSearchesOfACappedTeam_CapNeverOvershot(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var team = await TeamAsync(db, "capped", new TeamQuota(CpuSlots: 2));
        var searches = new[] { await SearchAsync(db, team, "one"), await SearchAsync(db, team, "two") };
        var workers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClaimTests.Register(db)));
        // Trials queued in both searches, so that claims (not only asks) race for the last slot.
        foreach (var search in searches)
            for (var i = 0; i < 4; i++) await db.Store.AddTrialAsync(search, Specs.Config());

        var claimed = await Task.WhenAll(workers.Select(w => NextAsync(db, Specs.Slot(w, 0))));

        Assert.Equal(2, claimed.Count(c => c is not null));
        var running = await db.Store.GetQueueAsync();
        Assert.Equal(2, running.Teams.Single(t => t.Team == "capped").Devices.Single(d => d.Kind == DeviceKind.Cpu).Running);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InsertAsked_AnotherTeamNowFairer_TeamBehindUnlessThatSearchWasPassedOver(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var worker = await ClaimTests.Register(db);
        var a = await SearchAsync(db, await TeamAsync(db, "a", TeamQuota.Default), "a");
        var b = await SearchAsync(db, await TeamAsync(db, "b", TeamQuota.Default), "b");
        var stale = await db.WorkQueue.GetAskCandidatesAsync(10, DeviceKind.Cpu);

        var first = await db.WorkQueue.InsertAskedTrialAsync(a, 1, Specs.Config(), Specs.Slot(worker, 0));
        // A second slot read the same candidates before that start: team a now runs 1, team b none.
        var behind = await db.WorkQueue.InsertAskedTrialAsync(a, 2, Specs.Config(), Specs.Slot(worker, 1));
        // b's sampler could not propose (e.g. PBT waiting): it does not hold the slot back.
        var passedOver = await db.WorkQueue.InsertAskedTrialAsync(a, 2, Specs.Config(), Specs.Slot(worker, 1), [b]);

        Assert.Equal([a, b], stale.Select(c => c.SearchId));
        Assert.Equal([AskStatus.Claimed, AskStatus.TeamBehind, AskStatus.Claimed], new[] { first.Status, behind.Status, passedOver.Status });
    }

    /// <summary>What a free slot does (SlotScheduler): claim a queued trial, else ask the first search that may have one.</summary>
    private static async Task<ClaimedTrial?> NextAsync(TestDatabase db, SlotRef slot)
    {
        if (await db.WorkQueue.ClaimQueuedAsync(slot) is { } queued) return queued;
        foreach (var candidate in await db.WorkQueue.GetAskCandidatesAsync(3, DeviceKind.Of(slot.Device)))
        {
            var result = await db.WorkQueue.InsertAskedTrialAsync(candidate.SearchId, candidate.NextNumber, Specs.Config(), slot);
            if (result.Status == AskStatus.Claimed) return result.Trial;
        }
        return null;
    }

    private static (int A, int B) Split(IEnumerable<ClaimedTrial> held, long a, long b) =>
        (held.Count(t => t.SearchId == a), held.Count(t => t.SearchId == b));

    private static async Task<long> TeamAsync(TestDatabase db, string name, TeamQuota quota)
    {
        var teams = new TeamDirectory(db.Factory, db.Time);
        var (id, error) = await teams.CreateTeamAsync(name);
        Assert.Null(error);
        Assert.Empty(await teams.SetQuotaAsync(name, quota));
        return id!.Value;
    }

    private static Task<long> SearchAsync(TestDatabase db, long teamId, string name) =>
        db.Store.CreateSearchAsync(Specs.Search(budget: 40, parallelism: 10, name: name) with { TeamId = teamId });
}
