using HyperSearch.Web.Hosting;
using HyperSearch.Web.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HyperSearch.Web.Tests.Hosting;

/// <summary>
/// Under load pages are served without prerendering instead of queueing behind one another
/// (docs/benchmarks.md, "Dashboard under load"): the real app, with its prerender slots taken.
/// </summary>
public sealed class PrerenderGateTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Enter_SlotsTaken_FalseAfterTheWait_TrueAgainOnceAResponseCompleted()
    {
        var gate = new PrerenderGate(new PrerenderOptions(1, TimeSpan.FromMilliseconds(10)), TimeProvider.System, NullLogger<PrerenderGate>.Instance);
        var first = new Completing();

        Assert.True(await gate.EnterAsync(first.Context));
        Assert.False(await gate.EnterAsync(new Completing().Context));
        await first.CompleteAsync();
        Assert.True(await gate.EnterAsync(new Completing().Context));
    }

    [Fact]
    public async Task PageGet_PrerenderSlotsTaken_ShellAtOnce_PrerenderedOnceFree()
    {
        using var busy = factory.WithWebHostBuilder(b => b.UseSetting("HyperSearch:Dashboard:MaxConcurrentPrerenders", "1"));
        var client = busy.CreateClient();
        var gate = busy.Services.GetRequiredService<PrerenderGate>();
        var holder = new Completing();
        Assert.True(await gate.EnterAsync(holder.Context)); // another page being prerendered

        var shell = await client.GetStringAsync("/queue");
        await holder.CompleteAsync();
        var page = await client.GetStringAsync("/queue");

        // The shell starts the same circuit, which renders the page; the prerendered page already has it.
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", shell);
        Assert.DoesNotContain("hs-page-title", shell);
        Assert.Contains("hs-page-title", page);
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", page);
    }

    /// <summary>A request whose response completion the test triggers.</summary>
    private sealed class Completing : HttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> completed = [];

        public Completing()
        {
            Context = new DefaultHttpContext();
            Context.Features.Set<IHttpResponseFeature>(this);
        }

        public DefaultHttpContext Context { get; }

        public override void OnCompleted(Func<object, Task> callback, object state) => completed.Add((callback, state));

        public async Task CompleteAsync()
        {
            foreach (var (callback, state) in completed) await callback(state);
        }
    }
}
