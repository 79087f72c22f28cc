using HyperSearch.Core.Searches;
using HyperSearch.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>A live feed the test pushes by hand (each push is one tick with its own snapshot over the store).</summary>
public sealed class ManualLiveFeed(ITrialStore store) : ILiveFeed
{
    private readonly List<Func<LiveUpdate, Task>> handlers = [];
    private readonly IServiceScopeFactory scopes = new ServiceCollection().AddSingleton(store).BuildServiceProvider()
        .GetRequiredService<IServiceScopeFactory>();

    public int Subscribers => handlers.Count;

    public List<string> Names { get; } = [];

    public IDisposable Subscribe(string name, Func<LiveUpdate, Task> onUpdate, TimeSpan? throttle = null, CircuitLiveUpdates? circuit = null)
    {
        handlers.Add(onUpdate);
        Names.Add(name);
        return new Unsubscriber(() => handlers.Remove(onUpdate));
    }

    public async Task PushAsync(ChangeSet changes, bool gap = false)
    {
        var snapshot = new LiveSnapshot(scopes, DateTimeOffset.UtcNow);
        foreach (var handler in handlers.ToList()) await handler(new LiveUpdate(changes, snapshot, gap));
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
