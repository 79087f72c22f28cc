using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Notifications;

/// <summary>
/// The webhook payload (docs/dashboard.md documents it):
/// <c>{ "event": "search.completed", "id": "…", "at": "…", "search": { "id": 3, "name": "…", "state": "completed", … } }</c>.
/// <see cref="Id"/> is the same on every retry, so a receiver can drop a repeat.
/// </summary>
public sealed record SearchEvent(string Event, string Id, DateTimeOffset At, SearchEventSearch Search)
{
    /// <summary>The event a search's new state announces, or null: completed, failed, cancelled, or paused by the system (with its reason).</summary>
    public static string? Of(SearchSummary s) => s.State switch
    {
        SearchState.Completed => "search.completed",
        SearchState.Failed => "search.failed",
        SearchState.Cancelled => "search.cancelled",
        // A person's pause has no reason; the queue's own (the first trials all failed alike) has one.
        SearchState.Paused when s.Error is not null => "search.paused",
        _ => null,
    };
}

/// <summary>What a receiver needs to say which search, how it ended and where to look.</summary>
public sealed record SearchEventSearch(
    long Id, string Name, string State, string Team, string Owner, string Workload, string Strategy,
    string Objective, double? BestValue, int? BestTrialNumber, int Finished, int Budget, IReadOnlyList<string> Tags,
    string? Error, string Page);
