using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Searches;

/// <summary>
/// The store as the dashboard, REST API and CLI see it: create and steer searches, read ranked
/// trials, curves, the queue and what changed since the last look. Every call is a short unit of
/// work (safe from long-lived Blazor circuits). Commands return false when the target is missing
/// or already final.
/// </summary>
public interface ITrialStore
{
    /// <summary>Writes a validated spec as a Running search (its trials are asked for by workers), without an audit entry (the CLI's database commands).</summary>
    Task<long> CreateSearchAsync(SearchSpec spec, CancellationToken cancellationToken = default);

    /// <summary>
    /// A person's launch (pages, API): the search and its audit entry in one transaction, so neither is
    /// written without the other. With an idempotency key the launcher used before, nothing is written
    /// and the first search is returned (<see cref="LaunchOutcome.Replayed"/>, or
    /// <see cref="LaunchOutcome.KeyReused"/> when that launch was a different request).
    /// </summary>
    Task<LaunchedSearch> LaunchSearchAsync(SearchSpec spec, SearchLaunch launch, CancellationToken cancellationToken = default);

    /// <summary>Newest first; only those of <paramref name="teamIds"/> when given (read isolation between teams).</summary>
    Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default);

    Task<SearchDetail?> GetSearchAsync(long searchId, CancellationToken cancellationToken = default);

    Task<Page<TrialRow>> GetTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every trial matching the query's filters, in its sort order, in one read (paging fields are
    /// ignored): exports, importance and PBT need whole searches, and reading them page by page with
    /// OFFSET cost O(n²) — 100 pages and about 27 s at 100,000 trials.
    /// </summary>
    Task<IReadOnlyList<TrialRow>> GetAllTrialsAsync(TrialQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every trial matching the query's filters, ranked best first, as <see cref="TrialPoint"/>s (no
    /// paging; sort and paging fields are ignored): what the whole-search charts read.
    /// </summary>
    Task<IReadOnlyList<TrialPoint>> GetTrialPointsAsync(TrialQuery filter, CancellationToken cancellationToken = default);

    Task<TrialRow?> GetTrialAsync(long trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EpochPoint>> GetEpochsAsync(long trialId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Epochs of many trials for overlaid curves; each series longer than <paramref name="maxPointsPerTrial"/>
    /// is thinned to evenly spaced epochs (first and last always kept).
    /// </summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>> GetEpochsAsync(
        IReadOnlyCollection<long> trialIds, int maxPointsPerTrial = 500, CancellationToken cancellationToken = default);

    Task<QueueSnapshot> GetQueueAsync(CancellationToken cancellationToken = default);

    Task<ChangeSet> GetChangesAsync(ChangeCursor cursor, int maxRows = 5000, CancellationToken cancellationToken = default);

    /// <summary>Queued trials become Cancelled now; running ones stop at their worker's next check.</summary>
    Task<bool> CancelSearchAsync(long searchId, CancellationToken cancellationToken = default);

    Task<bool> CancelTrialAsync(long trialId, CancellationToken cancellationToken = default);

    /// <summary>No new trial starts while paused; running trials finish.</summary>
    Task<bool> PauseSearchAsync(long searchId, CancellationToken cancellationToken = default);

    Task<bool> ResumeSearchAsync(long searchId, CancellationToken cancellationToken = default);

    Task<bool> SetPriorityAsync(long searchId, int priority, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a hand-made (already validated) config as the search's next trial, ranked with the
    /// others. It adds one to the budget, so the sampler still proposes as many trials as it was
    /// asked for; a Completed search reopens to run it (docs/dashboard.md, "Re-run with changes").
    /// </summary>
    /// <summary>Searches carrying <paramref name="tag"/>, newest first; only those of <paramref name="teamIds"/> when given (read isolation).</summary>
    Task<IReadOnlyList<SearchSummary>> ListSearchesAsync(string tag, int skip = 0, int take = 100, IReadOnlyCollection<long>? teamIds = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a search's notes and tags (bumps its update time, so open pages follow); false when it does not exist.</summary>
    Task<bool> AnnotateSearchAsync(long searchId, Annotation annotation, CancellationToken cancellationToken = default);

    /// <summary>Replaces a trial's notes and tags; false when it does not exist.</summary>
    Task<bool> AnnotateTrialAsync(long trialId, Annotation annotation, CancellationToken cancellationToken = default);

    Task<AddedTrial> AddTrialAsync(long searchId, Configuration.TrialConfig config, CancellationToken cancellationToken = default);
}
