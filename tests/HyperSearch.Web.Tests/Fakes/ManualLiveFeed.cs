using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>A live feed the test pushes by hand.</summary>
public sealed class ManualLiveFeed : ILiveFeed
{
    private readonly List<Func<ChangeSet, Task>> handlers = [];

    public int Subscribers => handlers.Count;

    public IDisposable Subscribe(Func<ChangeSet, Task> onChanges, TimeSpan? throttle = null)
    {
        handlers.Add(onChanges);
        return new Unsubscriber(() => handlers.Remove(onChanges));
    }

    public async Task PushAsync(ChangeSet changes)
    {
        foreach (var handler in handlers.ToList()) await handler(changes);
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
