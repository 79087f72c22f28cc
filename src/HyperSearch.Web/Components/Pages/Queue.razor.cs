using System.Globalization;
using HyperSearch.Core.Access;
using HyperSearch.Core.Pruning;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Live;
using HyperSearch.Web.Components.Shared;
using HyperSearch.Worker.Slurm;
using Microsoft.AspNetCore.Components;

namespace HyperSearch.Web.Components.Pages;

/// <summary>Every device slot of every worker, the queued trials in claim order and why each waits; refreshed by the live feed.</summary>
public partial class Queue : IDisposable
{
    [Inject] public required ITrialStore Store { get; init; }
    [Inject] public required CircuitLiveUpdates Live { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required SearchCommands Commands { get; init; }
    [Inject] public required SlurmJobBoard SlurmJobs { get; init; }

    private Actor actor = CircuitActor.Nobody;
    private QueueSnapshot? snapshot;
    /// <summary>
    /// Rows per list before "show more": a team with a thousand waiting searches made one 10.5 MB
    /// render batch that took the page 40 s to go live (docs/benchmarks.md, 100,000 trials).
    /// </summary>
    private const int PageRows = 50;
    private int pendingShown = PageRows;
    private int queuedShown = PageRows;
    private readonly Dictionary<long, int> epochsBySearch = [];
    private readonly Dictionary<long, HyperbandPruner> hyperbandBySearch = [];
    private IDisposable? subscription;

    protected override async Task OnInitializedAsync()
    {
        actor = await Commands.ActorAsync();
        await LoadAsync();
        subscription = Live.Subscribe("queue page", update => update.Changes.Trials.Count + update.Changes.Searches.Count == 0 && !update.Gap
                                                              && Time.GetUtcNow() - loadedAt < RefreshEvery
            ? Task.CompletedTask
            // Every open Queue page reads the same tick's queue: one query however many are open.
            : InvokeAsync(async () => { await LoadAsync(update.Snapshot); StateHasChanged(); }), TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Reloaded at least this often though no trial or search changed: heartbeats, a worker that stopped,
    /// one that is cut off from a locked database, and the ETAs change without touching either.
    /// </summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);
    private DateTimeOffset loadedAt;

    private async Task LoadAsync(LiveSnapshot? tick = null)
    {
        loadedAt = Time.GetUtcNow();
        snapshot = await (tick?.GetQueueAsync() ?? Store.GetQueueAsync());
        foreach (var searchId in snapshot.Workers.SelectMany(w => w.Slots).Select(s => s.SearchId).OfType<long>().Distinct())
        {
            if (!epochsBySearch.ContainsKey(searchId) && await Store.GetSearchAsync(searchId) is { } search)
            {
                epochsBySearch[searchId] = search.Summary.Epochs;
                if (search.Spec.Pruner.Type == "hyperband" && PrunerFactory.Create(search.Spec.Pruner) is HyperbandPruner hyperband)
                    hyperbandBySearch[searchId] = hyperband;
            }
        }
    }

    // Controls the user may not use are hidden; SearchCommands refuses them on the server anyway.
    private bool CanManage(long teamId, string? launchedByUserId) => SearchPermissions.CanManage(actor, teamId, launchedByUserId);

    private bool CanSetPriority(long teamId) => SearchPermissions.CanSetPriority(actor, teamId);

    private IReadOnlyList<string> ShareKinds => [.. snapshot!.Teams.SelectMany(t => t.Devices).Select(d => d.Kind).Distinct()];

    /// <summary>"4 / 4.0 (cap 4)": running slots of the kind, the weight's share of the busy ones, the cap.</summary>
    private static string ShareText(TeamShareView team, string kind)
    {
        if (team.Devices.FirstOrDefault(d => d.Kind == kind) is not { } share) return "–";
        var cap = share.Cap is { } c ? $" (cap {c})" : "";
        return $"{share.Running} / {share.Allowed.ToString("0.#", CultureInfo.InvariantCulture)}{cap}";
    }

    /// <summary>A Hyperband trial's bracket and the epochs at which it may be stopped; null for other pruners.</summary>
    private (int Bracket, IReadOnlyList<int> Rungs)? BracketOf(SlotView slot) =>
        slot.SearchId is { } id && slot.TrialNumber is { } number && hyperbandBySearch.TryGetValue(id, out var hyperband)
            ? (hyperband.BracketOf(number), hyperband.RungsOf(hyperband.BracketOf(number)))
            : null;

    private int EpochsOf(SlotView slot) => slot.SearchId is { } id && epochsBySearch.TryGetValue(id, out var epochs) ? epochs : 0;

    /// <summary>"database is locked for 12 s, retrying": why the slot is backing off and for how long.</summary>
    private string BackingOff(SlotView slot)
    {
        var seconds = slot.ProblemSince is { } since ? Math.Max(0, (int)(Time.GetUtcNow() - since).TotalSeconds) : 0;
        return $"{slot.Problem} for {seconds} s, retrying";
    }

    /// <summary>
    /// The epochs left at the pace of this run: its time on the slot over the epochs it trained there. A
    /// resumed trial's earlier epochs (restored from its checkpoint) took no time here and do not count.
    /// </summary>
    private string Eta(SlotView slot)
    {
        var total = EpochsOf(slot);
        var trained = slot.EpochsThisRun ?? slot.EpochsDone;
        if (slot.StartedAt is not { } started || slot.EpochsDone is not { } done || trained is not > 0 || total <= done) return "–";
        var perEpoch = (Time.GetUtcNow() - started) / trained.Value;
        return Shared.Format.Duration(perEpoch * (total - done));
    }

    /// <summary>"database is locked for 45 s, retrying": a live worker that cannot write its heartbeat says why (SQLite).</summary>
    private string CutOff(WorkerView worker)
    {
        var seconds = worker.ProblemSince is { } since ? Math.Max(0, (int)(Time.GetUtcNow() - since).TotalSeconds) : 0;
        return $"cannot write to the database: {worker.Problem} for {seconds} s, retrying";
    }

    private async Task SetPriorityAsync(long searchId, string name, int priority)
    {
        await Commands.SetPriorityAsync(searchId, name, priority);
        await LoadAsync();
    }

    private async Task SearchCommandAsync(long searchId, string name, Func<long, string, Task<bool>> command)
    {
        if (await command(searchId, name)) await LoadAsync();
    }

    private async Task CancelAsync(QueuedTrialView trial)
    {
        if (await Commands.CancelTrialAsync(trial.TrialId, $"{trial.SearchName} #{trial.Number}")) await LoadAsync();
    }

    public void Dispose() => subscription?.Dispose();
}
