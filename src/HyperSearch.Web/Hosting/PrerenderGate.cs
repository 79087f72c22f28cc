namespace HyperSearch.Web.Hosting;

/// <summary>
/// Keeps page loads fast when many arrive at once. A page is normally prerendered (its HTML carries
/// the ranked rows and chart data, so they show before the circuit starts) and then rendered again by
/// the browser's circuit. Prerendering is the costly part of a GET (20–40 ms of CPU on a 2-core
/// machine), and 200 at once shared the CPU until they all finished together after ~30 s. So at most
/// <see cref="PrerenderOptions.MaxConcurrent"/> prerenders run at once; a request that cannot get a
/// slot within <see cref="PrerenderOptions.Wait"/> is answered with the page's shell at once and its
/// content is rendered by its circuit, which the browser opens anyway (docs/benchmarks.md, "Dashboard
/// under load").
/// </summary>
public sealed class PrerenderGate(PrerenderOptions options, TimeProvider time, ILogger<PrerenderGate> logger)
{
    private const string Decision = "hypersearch:prerender";
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim? slots = options.MaxConcurrent > 0 ? new(options.MaxConcurrent, options.MaxConcurrent) : null;
    private int shed;
    private long loggedAtTicks;

    /// <summary>
    /// The middleware of page requests (a GET of a Razor component page): decides, before the page
    /// renders, whether it is prerendered; App.razor reads the decision (<see cref="Prerenders"/>).
    /// </summary>
    public async Task DecideAsync(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null)
            context.Items[Decision] = await EnterAsync(context);
        await next();
    }

    /// <summary>Whether this page request is prerendered (true when no decision was made: nothing to shed).</summary>
    public static bool Prerenders(HttpContext? context) => context?.Items[Decision] is not false;

    /// <summary>True: prerender this request (its slot is freed when the response completes); false: serve it without prerendering.</summary>
    public async Task<bool> EnterAsync(HttpContext context)
    {
        if (slots is null) return false; // prerendering is off
        bool entered;
        try
        {
            entered = await slots.WaitAsync(options.Wait, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return false; // the browser went away: nothing to prerender for
        }
        if (entered)
        {
            context.Response.OnCompleted(() =>
            {
                slots.Release();
                return Task.CompletedTask;
            });
            return true;
        }
        Shed();
        return false;
    }

    private void Shed()
    {
        Interlocked.Increment(ref shed);
        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref loggedAtTicks);
        if (now - last < LogEvery.Ticks || Interlocked.CompareExchange(ref loggedAtTicks, now, last) != last) return;
        logger.LogInformation("Busy: {Count} page requests served without prerendering (more than {Max} at once); their circuits render them",
            Interlocked.Exchange(ref shed, 0), options.MaxConcurrent);
    }
}
