using HyperSearch.Core.Pruning;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>An in-memory ITrialStore for component and API tests (ranking, filters, paging, change log).</summary>
public sealed class FakeTrialStore : ITrialStore
{
    private readonly object gate = new();
    public List<SearchDetail> Searches { get; } = [];
    public List<TrialRow> Trials { get; } = [];
    public List<EpochPoint> Epochs { get; } = [];
    public List<SearchSpec> Created { get; } = [];
    public List<string> Commands { get; } = [];
    public QueueSnapshot Queue { get; set; } = new([], [], [], []);
    public int GetChangesCalls;
    /// <summary>Each search read (GetSearchAsync) by id: on the real store each one counts the search's trials.</summary>
    public List<long> SearchReads { get; } = [];
    public Func<ChangeCursor, ChangeSet>? Changes { get; set; }

    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public SearchDetail AddSearch(string name = "s", SearchState state = SearchState.Running, ObjectiveDirection direction = ObjectiveDirection.Minimize, int budget = 10, int epochs = 5, string spaceJson = "{}", PrunerSpec? pruner = null)
    {
        var id = Searches.Count + 1L;
        var spec = new SearchSpec { Name = name, Workload = "two-spirals", SpaceJson = spaceJson, Budget = budget, Epochs = epochs, Direction = direction, Pruner = pruner ?? new PrunerSpec() };
        var summary = new SearchSummary
        {
            Id = id, Name = name, Owner = "ana", Workload = "two-spirals", Strategy = SearchStrategy.Tpe, State = state,
            Objective = ObjectiveMetric.ValLoss, Direction = direction, Budget = budget, Parallelism = 2, Epochs = epochs, Priority = 0,
            Counts = new TrialCounts(0, 0, 0, 0, 0, 0, 0), CreatedAt = T0, UpdatedAt = T0,
        };
        var detail = new SearchDetail(summary, spec, false);
        Searches.Add(detail);
        return detail;
    }

    public TrialRow AddTrial(long searchId, double lr, string decay, double? best, TrialState state = TrialState.Completed, int epochs = 5)
    {
        var id = Trials.Count + 1L;
        DecaySpec spec = decay switch
        {
            DecayTypes.Step => new StepDecay { StepSize = 2, Gamma = 0.5 },
            DecayTypes.Cosine => new CosineDecay { TMax = 5 },
            _ => new ConstantDecay(),
        };
        var row = new TrialRow
        {
            Id = id, SearchId = searchId, Number = Trials.Count(t => t.SearchId == searchId) + 1, Kind = TrialKind.Search, State = state,
            Config = new TrialConfig { InitialLr = lr, Decay = spec }, InitialLr = lr, DecayType = decay, Attempt = 1,
            EpochsDone = epochs, BestValue = best, FinalValue = best, Device = "cpu", CreatedAt = T0, StartedAt = T0, UpdatedAt = T0,
        };
        Trials.Add(row);
        for (var e = 1; e <= epochs; e++)
        {
            Epochs.Add(new EpochPoint(Epochs.Count + 1, id, e, 1.0 / e, (best ?? 1) + 1.0 / e, 0.5, lr / e, e, 1));
        }

        return row;
    }

    public Task<long> CreateSearchAsync(SearchSpec spec, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            Created.Add(spec);
            return Task.FromResult(100L + Created.Count);
        }
    }

    /// <summary>Audit entries written with launches ("actor action searchId detail").</summary>
    public List<string> LaunchAudit { get; } = [];

    private readonly Dictionary<string, (long Id, string? Fingerprint)> launchKeys = [];

    /// <summary>When set, the next launch is saved and then its answer is lost (the database timed out on the commit's reply).</summary>
    public bool LoseNextLaunchAnswer { get; set; }

    public Task<LaunchedSearch> LaunchSearchAsync(SearchSpec spec, SearchLaunch launch, CancellationToken cancellationToken = default)
    {
        var launched = Launch(spec, launch);
        if (!LoseNextLaunchAnswer) return Task.FromResult(launched);
        LoseNextLaunchAnswer = false;
        throw new TimeoutException("the commit's answer did not arrive");
    }

    private LaunchedSearch Launch(SearchSpec spec, SearchLaunch launch)
    {
        lock (gate)
        {
            var key = launch.IdempotencyKey is { } k ? $"{spec.LaunchedByUserId ?? launch.Actor}\n{k}" : null;
            if (key is not null && launchKeys.TryGetValue(key, out var first))
                return new LaunchedSearch(first.Id, first.Fingerprint == launch.Fingerprint ? LaunchOutcome.Replayed : LaunchOutcome.KeyReused);
            Created.Add(spec);
            var id = 100L + Created.Count;
            if (key is not null) launchKeys[key] = (id, launch.Fingerprint);
            LaunchAudit.Add($"{launch.Actor} {launch.AuditAction} {id} {launch.AuditDetail}".TrimEnd());
            return new LaunchedSearch(id, LaunchOutcome.Created);
        }
    }

    public Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SearchSummary>>([.. Searches.Select(s => s.Summary).Where(s => teamIds is null || teamIds.Contains(s.TeamId)).OrderByDescending(s => s.Id).Skip(skip).Take(take)]);

    public Task<SearchDetail?> GetSearchAsync(long searchId, CancellationToken cancellationToken = default)
    {
        lock (gate) SearchReads.Add(searchId);
        return Task.FromResult(Searches.FirstOrDefault(s => s.Summary.Id == searchId));
    }

    public Task<Page<TrialRow>> GetTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default)
    {
        lock (gate) RowReads.Add(query.Take);
        var list = Ordered(query);
        return Task.FromResult(new Page<TrialRow>([.. list.Skip(query.Skip).Take(query.Take)], list.Count));
    }

    public Task<IReadOnlyList<TrialRow>> GetAllTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TrialRow>>(Ordered(query));

    private List<TrialRow> Ordered(TrialQuery query)
    {
        var maximize = Searches.First(s => s.Summary.Id == query.SearchId).Summary.Direction == ObjectiveDirection.Maximize;
        var rows = Trials.Where(t => t.SearchId == query.SearchId)
            .Where(t => query.States is null || query.States.Contains(t.State))
            .Where(t => query.DecayTypes is null || query.DecayTypes.Contains(t.DecayType))
            .Where(t => query.Tag is null || t.Tags.Contains(query.Tag));
        IEnumerable<TrialRow> ordered = query.Sort switch
        {
            TrialSort.Rank => rows.OrderBy(t => t.BestValue is null).ThenBy(t => maximize ? -(t.BestValue ?? 0) : t.BestValue ?? 0),
            TrialSort.InitialLr => rows.OrderBy(t => t.InitialLr),
            TrialSort.DecayType => rows.OrderBy(t => t.DecayType),
            TrialSort.State => rows.OrderBy(t => t.State),
            _ => rows.OrderBy(t => t.Number),
        };
        if (query.Descending) ordered = ordered.Reverse();
        return ordered.ToList();
    }

    /// <summary>Filters of every GetTrialPointsAsync call, and how many trials each GetTrialsAsync call asked for.</summary>
    public List<TrialQuery> PointReads { get; } = [];
    public List<int> RowReads { get; } = [];

    public Task<IReadOnlyList<TrialPoint>> GetTrialPointsAsync(TrialQuery filter, CancellationToken cancellationToken = default)
    {
        lock (gate) PointReads.Add(filter);
        var ranked = Ordered(filter with { Sort = TrialSort.Rank, Descending = false });
        return Task.FromResult<IReadOnlyList<TrialPoint>>([.. ranked.Select(t => new TrialPoint(t.Id, t.Number, t.State, t.InitialLr, t.DecayType, t.BestValue, t.FinalValue))]);
    }

    public Task<TrialRow?> GetTrialAsync(long trialId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Trials.FirstOrDefault(t => t.Id == trialId));

    /// <summary>Calls of either GetEpochsAsync: the analysis charts must make none.</summary>
    public int EpochReads;

    public Task<IReadOnlyList<EpochPoint>> GetEpochsAsync(long trialId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref EpochReads);
        return Task.FromResult<IReadOnlyList<EpochPoint>>([.. Epochs.Where(e => e.TrialId == trialId)]);
    }

    public Task<IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>> GetEpochsAsync(IReadOnlyCollection<long> trialIds, int maxPointsPerTrial = 500, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref EpochReads);
        MaxPointsRequested.Add(maxPointsPerTrial);
        return Task.FromResult<IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>>(trialIds.ToDictionary(id => id,
            id => (IReadOnlyList<EpochPoint>)[.. Epochs.Where(e => e.TrialId == id).Take(maxPointsPerTrial)]));
    }

    public List<int> MaxPointsRequested { get; } = [];

    public int QueueCalls;

    public Task<QueueSnapshot> GetQueueAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref QueueCalls);
        return Task.FromResult(Queue);
    }

    public Task<ChangeSet> GetChangesAsync(ChangeCursor cursor, int maxRows = 5000, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref GetChangesCalls);
        if (Changes is not null) return Task.FromResult(Changes(cursor));
        lock (gate)
        {
            var epochs = Epochs.Where(e => e.Id > cursor.EpochId).OrderBy(e => e.Id).Take(maxRows).ToList();
            var next = new ChangeCursor(epochs.Count > 0 ? epochs[^1].Id : cursor.EpochId, cursor.UpdatedTicks);
            return Task.FromResult(new ChangeSet(epochs, [], [], next, false));
        }
    }

    public Task<bool> CancelSearchAsync(long searchId, CancellationToken cancellationToken = default) => Command($"cancel {searchId}", searchId);
    public Task<bool> CancelTrialAsync(long trialId, CancellationToken cancellationToken = default)
    {
        Commands.Add($"cancel-trial {trialId}");
        return Task.FromResult(Trials.Any(t => t.Id == trialId && !t.State.IsFinal()));
    }

    public Task<bool> PauseSearchAsync(long searchId, CancellationToken cancellationToken = default) => Command($"pause {searchId}", searchId);
    public Task<bool> ResumeSearchAsync(long searchId, CancellationToken cancellationToken = default) => Command($"resume {searchId}", searchId);
    public Task<bool> SetPriorityAsync(long searchId, int priority, CancellationToken cancellationToken = default) => Command($"priority {searchId} {priority}", searchId);

    /// <summary>Configs added by hand, as the store received them.</summary>
    public List<(long SearchId, TrialConfig Config)> AddedConfigs { get; } = [];

    public Task<AddedTrial> AddTrialAsync(long searchId, TrialConfig config, CancellationToken cancellationToken = default)
    {
        AddedConfigs.Add((searchId, config));
        var search = Searches.FirstOrDefault(s => s.Summary.Id == searchId);
        if (search is null) return Task.FromResult(new AddedTrial(AddTrialStatus.SearchNotFound));
        var status = search.Summary.State switch
        {
            SearchState.Cancelled or SearchState.Failed => AddTrialStatus.SearchStopped,
            SearchState.Evaluating => AddTrialStatus.SearchEvaluating,
            _ => AddTrialStatus.Added,
        };
        if (status != AddTrialStatus.Added) return Task.FromResult(new AddedTrial(status));
        var row = AddTrial(searchId, config.InitialLr, config.Decay.Type, null, TrialState.Queued, epochs: 0) with { Config = config };
        Trials[^1] = row;
        return Task.FromResult(new AddedTrial(AddTrialStatus.Added, row.Id, row.Number));
    }

    public Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(string tag, int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SearchSummary>>([.. Searches.Select(s => s.Summary).Where(s => s.Tags.Contains(tag) && (teamIds is null || teamIds.Contains(s.TeamId))).OrderByDescending(s => s.Id).Skip(skip).Take(take)]);

    public Task<bool> AnnotateSearchAsync(long searchId, Annotation annotation, CancellationToken cancellationToken = default)
    {
        var index = Searches.FindIndex(s => s.Summary.Id == searchId);
        if (index < 0) return Task.FromResult(false);
        Searches[index] = Searches[index] with { Summary = Searches[index].Summary with { Notes = annotation.Notes, Tags = annotation.Tags } };
        return Task.FromResult(true);
    }

    public Task<bool> AnnotateTrialAsync(long trialId, Annotation annotation, CancellationToken cancellationToken = default)
    {
        var index = Trials.FindIndex(t => t.Id == trialId);
        if (index < 0) return Task.FromResult(false);
        Trials[index] = Trials[index] with { Notes = annotation.Notes, Tags = annotation.Tags };
        return Task.FromResult(true);
    }

    private Task<bool> Command(string text, long searchId)
    {
        Commands.Add(text);
        return Task.FromResult(Searches.Any(s => s.Summary.Id == searchId && !s.Summary.State.IsFinal()));
    }
}
