namespace HyperSearch.Web.Live;

/// <summary>
/// The one reader of the store's change log for every viewer. A subscription gets each tick's
/// <see cref="LiveUpdate"/> on its own task: the feed never waits for a subscriber, so one slow or
/// vanished browser cannot hold anyone else's updates. Pages subscribe through the per-circuit
/// <see cref="CircuitLiveUpdates"/>, which also stops delivery when the browser goes away.
/// </summary>
public interface ILiveFeed
{
    /// <param name="name">Names the subscriber in the log (e.g. "search 3 page").</param>
    /// <param name="onUpdate">Never called concurrently with itself; changes that arrive meanwhile are merged into the next call.</param>
    /// <param name="throttle">Least time between two calls; null = every feed tick.</param>
    /// <param name="circuit">Delivery pauses while this circuit's connection is down (null = always deliver).</param>
    IDisposable Subscribe(string name, Func<LiveUpdate, Task> onUpdate, TimeSpan? throttle = null, CircuitLiveUpdates? circuit = null);
}
