using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>
/// The one reader of <see cref="ITrialStore.GetChangesAsync"/> for every viewer. A component
/// subscribes, gets batches of changes no more often than its throttle, and disposes the
/// subscription when it goes away.
/// </summary>
public interface ILiveFeed
{
    /// <param name="onChanges">Called with the changes gathered since the previous call (never concurrently).</param>
    /// <param name="throttle">Least time between two calls; null = every feed tick.</param>
    IDisposable Subscribe(Func<ChangeSet, Task> onChanges, TimeSpan? throttle = null);
}
