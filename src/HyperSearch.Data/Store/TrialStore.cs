using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary><see cref="ITrialStore"/> on EF Core: a context per call (safe for long-lived Blazor circuits).</summary>
internal sealed class TrialStore(IDbContextFactory<HyperSearchDbContext> factory, QueueSettings settings, TimeProvider time) : ITrialStore
{
    public async Task<long> CreateSearchAsync(SearchSpec spec, CancellationToken cancellationToken = default) =>
        (await SearchLaunches.LaunchAsync(factory, time, spec, null, cancellationToken)).SearchId;

    public Task<LaunchedSearch> LaunchSearchAsync(SearchSpec spec, SearchLaunch launch, CancellationToken cancellationToken = default) =>
        SearchLaunches.LaunchAsync(factory, time, spec, launch, cancellationToken);

    public Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default) =>
        ListAsync(null, skip, take, teamIds, cancellationToken);

    public Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(string tag, int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default) =>
        ListAsync(TagColumn.Needle(tag), skip, take, teamIds, cancellationToken);

    /// <summary>Newest first; only <paramref name="teamIds"/>' searches when given (read isolation), only those whose tags hold <paramref name="tagNeedle"/> when given.</summary>
    private async Task<IReadOnlyList<SearchSummary>> ListAsync(string? tagNeedle, int skip, int take, IReadOnlyCollection<long>? teamIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        IQueryable<SearchEntity> visible = db.Searches.AsNoTracking();
        if (teamIds is not null) visible = visible.Where(s => teamIds.Contains(s.TeamId));
        if (tagNeedle is not null) visible = visible.Where(s => s.Tags.Contains(tagNeedle));
        var searches = await visible.OrderByDescending(s => s.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return await SummariesAsync(db, searches, cancellationToken);
    }

    public Task<bool> AnnotateSearchAsync(long searchId, Annotation annotation, CancellationToken cancellationToken = default) =>
        SearchCommands.AnnotateAsync(factory, time, db => db.Searches.Where(s => s.Id == searchId), annotation, cancellationToken);

    public Task<bool> AnnotateTrialAsync(long trialId, Annotation annotation, CancellationToken cancellationToken = default) =>
        SearchCommands.AnnotateAsync(factory, time, db => db.Trials.Where(t => t.Id == trialId), annotation, cancellationToken);

    public async Task<SearchDetail?> GetSearchAsync(long searchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var search = await db.Searches.AsNoTracking().SingleOrDefaultAsync(s => s.Id == searchId, cancellationToken);
        if (search is null) return null;
        var summary = (await SummariesAsync(db, [search], cancellationToken))[0];
        return new SearchDetail(summary, EntityMapper.ToSpec(search), search.SamplerExhausted);
    }

    internal static async Task<IReadOnlyList<SearchSummary>> SummariesAsync(HyperSearchDbContext db, IReadOnlyList<SearchEntity> searches, CancellationToken cancellationToken)
    {
        var ids = searches.Select(s => s.Id).ToList();
        // Counts of every kind from the (SearchId, State) index alone, minus the few trials of other
        // kinds (a search's held-out test run): filtering on Kind in the GROUP BY read every trial's
        // row, 0.1–2 s for a search of 100,000 trials on every Search page open (docs/benchmarks.md).
        var groups = await db.Trials
            .Where(t => ids.Contains(t.SearchId))
            .GroupBy(t => new { t.SearchId, t.State })
            .Select(g => new { g.Key.SearchId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Each other kind by equality (IN), so the (SearchId, Kind, Number) index finds them; "<> 'Search'" scanned.
        var others = Enum.GetValues<TrialKind>().Where(k => k != TrialKind.Search).ToList();
        var otherKinds = await db.Trials
            .Where(t => ids.Contains(t.SearchId) && others.Contains(t.Kind))
            .Select(t => new { t.SearchId, t.State })
            .ToListAsync(cancellationToken);
        groups = [.. groups.Select(g => g with { Count = g.Count - otherKinds.Count(o => o.SearchId == g.SearchId && o.State == g.State) }).Where(g => g.Count > 0)];
        var bestIds = searches.Where(s => s.BestTrialId != null).Select(s => s.BestTrialId!.Value).ToList();
        var bestNumbers = await db.Trials.Where(t => bestIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, cancellationToken);
        var teamIds = searches.Select(s => s.TeamId).Distinct().ToList();
        var teamNames = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var bySearch = groups.ToLookup(g => g.SearchId);
        return searches.Select(s => EntityMapper.ToSummary(s, teamNames.GetValueOrDefault(s.TeamId, "?"),
            EntityMapper.Counts(bySearch[s.Id].Select(g => (g.State, g.Count))),
            s.BestTrialId is long b && bestNumbers.TryGetValue(b, out var n) ? n : null)).ToList();
    }

    public async Task<Page<TrialRow>> GetTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var direction = await DirectionAsync(db, query.SearchId, cancellationToken);
        if (direction is null) return new Page<TrialRow>([], 0);

        var trials = Filtered(db, query);
        var total = await trials.CountAsync(cancellationToken);
        var (skip, take) = (Math.Max(0, query.Skip), Math.Clamp(query.Take, 1, 1000));
        var page = query.Sort == TrialSort.Rank
            ? await RankedPageAsync(trials, query.Descending, direction.Value, skip, take, cancellationToken)
            : await TrialOrdering.Apply(trials, query.Sort, query.Descending, direction.Value).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new Page<TrialRow>(page.Select(EntityMapper.ToRow).ToList(), total);
    }

    public async Task<IReadOnlyList<TrialRow>> GetAllTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var direction = await DirectionAsync(db, query.SearchId, cancellationToken);
        if (direction is null) return [];

        var trials = Filtered(db, query);
        var all = query.Sort == TrialSort.Rank
            ? await RankedPageAsync(trials, query.Descending, direction.Value, 0, int.MaxValue, cancellationToken)
            : await TrialOrdering.Apply(trials, query.Sort, query.Descending, direction.Value).ToListAsync(cancellationToken);
        return all.Select(EntityMapper.ToRow).ToList();
    }

    /// <summary>
    /// A page of the ranking in two reads: the trials with a value in index order (the (SearchId,
    /// BestValue) index; the top 10 of 100,000 is read in about a millisecond), then, only when the
    /// page runs past them, the trials without one by number. One ORDER BY "BestValue IS NULL" sorted
    /// every trial of the search for every page, top-K and parallel-coordinates read (0.2–0.8 s at
    /// 100,000 trials on SQLite, docs/benchmarks.md).
    /// </summary>
    private static async Task<List<TrialEntity>> RankedPageAsync(IQueryable<TrialEntity> trials, bool descending, ObjectiveDirection direction,
        int skip, int take, CancellationToken cancellationToken)
    {
        var page = await TrialOrdering.Valued(trials, descending, direction).Skip(skip).Take(take).ToListAsync(cancellationToken);
        if (page.Count == take) return page;
        var valued = page.Count > 0 || skip == 0 ? skip + page.Count : await trials.CountAsync(t => t.BestValue != null, cancellationToken);
        page.AddRange(await trials.Where(t => t.BestValue == null).OrderBy(t => t.Number)
            .Skip(Math.Max(0, skip - valued)).Take(take - page.Count).ToListAsync(cancellationToken));
        return page;
    }

    public async Task<IReadOnlyList<TrialPoint>> GetTrialPointsAsync(TrialQuery filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var direction = await DirectionAsync(db, filter.SearchId, cancellationToken);
        if (direction is null) return [];
        // A projection: SQL selects these seven columns only (no config JSON, no error text, no epochs).
        return await TrialOrdering.Apply(Filtered(db, filter), TrialSort.Rank, false, direction.Value)
            .Select(t => new TrialPoint(t.Id, t.Number, t.State, t.InitialLr, t.DecayType, t.BestValue, t.FinalValue))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The search's objective direction (what "best" means for ranking); null when there is no such search.</summary>
    private static Task<ObjectiveDirection?> DirectionAsync(HyperSearchDbContext db, long searchId, CancellationToken cancellationToken) =>
        db.Searches.Where(s => s.Id == searchId).Select(s => (ObjectiveDirection?)s.Direction).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<TrialEntity> Filtered(HyperSearchDbContext db, TrialQuery query)
    {
        var trials = db.Trials.AsNoTracking().Where(t => t.SearchId == query.SearchId && t.Kind == TrialKind.Search);
        if (query.States is { Count: > 0 } states) trials = trials.Where(t => states.Contains(t.State));
        if (query.DecayTypes is { Count: > 0 } decays) trials = trials.Where(t => decays.Contains(t.DecayType));
        if (query.MinInitialLr is double min) trials = trials.Where(t => t.InitialLr >= min);
        if (query.MaxInitialLr is double max) trials = trials.Where(t => t.InitialLr <= max);
        if (query.Tag is { } tag)
        {
            var needle = TagColumn.Needle(tag);
            trials = trials.Where(t => t.Tags.Contains(needle));
        }
        return trials;
    }

    public async Task<TrialRow?> GetTrialAsync(long trialId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trialId, cancellationToken);
        return trial is null ? null : EntityMapper.ToRow(trial);
    }

    public async Task<IReadOnlyList<EpochPoint>> GetEpochsAsync(long trialId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.EpochMetrics.AsNoTracking().Where(e => e.TrialId == trialId).OrderBy(e => e.Epoch).ToListAsync(cancellationToken);
        return rows.Select(EntityMapper.ToPoint).ToList();
    }

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>> GetEpochsAsync(
        IReadOnlyCollection<long> trialIds, int maxPointsPerTrial = 500, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = trialIds.Distinct().ToList();
        var rows = await db.EpochMetrics.AsNoTracking().Where(e => ids.Contains(e.TrialId))
            .OrderBy(e => e.TrialId).ThenBy(e => e.Epoch).ToListAsync(cancellationToken);
        var byTrial = rows.ToLookup(e => e.TrialId);
        return ids.ToDictionary(id => id,
            id => (IReadOnlyList<EpochPoint>)Downsampler.Thin(byTrial[id].Select(EntityMapper.ToPoint).ToList(), maxPointsPerTrial));
    }

    public async Task<QueueSnapshot> GetQueueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await QueueViewBuilder.BuildAsync(db, time.GetUtcNow(), settings.Lease, cancellationToken);
    }

    public async Task<ChangeSet> GetChangesAsync(ChangeCursor cursor, int maxRows = 5000, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var since = new DateTimeOffset(cursor.UpdatedTicks, TimeSpan.Zero);
        var epochs = await db.EpochMetrics.AsNoTracking().Where(e => e.Id > cursor.EpochId).OrderBy(e => e.Id).Take(maxRows + 1).ToListAsync(cancellationToken);
        var trials = await db.Trials.AsNoTracking().Where(t => t.UpdatedAt >= since).OrderBy(t => t.UpdatedAt).Take(maxRows + 1).ToListAsync(cancellationToken);
        var searches = await db.Searches.AsNoTracking().Where(s => s.UpdatedAt >= since).OrderBy(s => s.UpdatedAt).ToListAsync(cancellationToken);
        var epochsTruncated = epochs.Count > maxRows;
        var trialsTruncated = trials.Count > maxRows;
        if (epochsTruncated) epochs.RemoveAt(maxRows);
        if (trialsTruncated) trials.RemoveAt(maxRows);

        // Inclusive bound next time: rows updated in the same tick as the last one seen are read again, never missed.
        var lastTicks = trialsTruncated
            ? trials[^1].UpdatedAt.UtcTicks
            : trials.Select(t => t.UpdatedAt.UtcTicks).Concat(searches.Select(x => x.UpdatedAt.UtcTicks)).DefaultIfEmpty(cursor.UpdatedTicks).Max();
        var next = new ChangeCursor(epochs.Count > 0 ? epochs[^1].Id : cursor.EpochId, lastTicks);
        return new ChangeSet(
            epochs.Select(EntityMapper.ToPoint).ToList(),
            trials.Select(EntityMapper.ToRow).ToList(),
            await SummariesAsync(db, searches, cancellationToken),
            next,
            epochsTruncated || trialsTruncated);
    }

    public Task<bool> CancelSearchAsync(long searchId, CancellationToken cancellationToken = default) =>
        SearchCommands.CancelSearchAsync(factory, time, searchId, cancellationToken);

    public Task<bool> CancelTrialAsync(long trialId, CancellationToken cancellationToken = default) =>
        SearchCommands.CancelTrialAsync(factory, time, trialId, cancellationToken);

    public Task<bool> PauseSearchAsync(long searchId, CancellationToken cancellationToken = default) =>
        SearchCommands.SetStateAsync(factory, time, searchId, SearchState.Running, SearchState.Paused, cancellationToken);

    public Task<bool> ResumeSearchAsync(long searchId, CancellationToken cancellationToken = default) =>
        SearchCommands.SetStateAsync(factory, time, searchId, SearchState.Paused, SearchState.Running, cancellationToken);

    public Task<bool> SetPriorityAsync(long searchId, int priority, CancellationToken cancellationToken = default) =>
        SearchCommands.SetPriorityAsync(factory, time, searchId, priority, cancellationToken);

    public Task<AddedTrial> AddTrialAsync(long searchId, Core.Configuration.TrialConfig config, CancellationToken cancellationToken = default) =>
        SearchCommands.AddTrialAsync(factory, time, searchId, config, cancellationToken);
}
