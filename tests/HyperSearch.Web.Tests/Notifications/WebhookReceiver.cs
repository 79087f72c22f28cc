using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Notifications;

/// <summary>
/// A real HTTP server on a loopback port that records every webhook POST (headers and body) and
/// answers the first <see cref="FailFirst"/> of them with <see cref="FailWith"/>: a receiver that is
/// restarting, or one that refuses.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int seen;

    public sealed record Delivery(string Event, string? Signature, string DeliveryId, string Body, int Answer);

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();
    public int FailFirst { get; set; }
    public int FailWith { get; set; } = StatusCodes.Status503ServiceUnavailable;
    public string Url { get; }

    private WebhookReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var answer = Interlocked.Increment(ref receiver!.seen) <= receiver.FailFirst ? receiver.FailWith : StatusCodes.Status204NoContent;
            receiver.Deliveries.Enqueue(new Delivery(request.Headers["X-HyperSearch-Event"].ToString(),
                request.Headers.TryGetValue("X-HyperSearch-Signature", out var signature) ? signature.ToString() : null,
                request.Headers["X-HyperSearch-Delivery"].ToString(), body, answer));
            return Results.StatusCode(answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address + "/hook");
        return receiver;
    }

    public async Task<IReadOnlyList<Delivery>> WaitForAsync(Func<IReadOnlyCollection<Delivery>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done(Deliveries) && DateTime.UtcNow < deadline) await Task.Delay(20);
        return [.. Deliveries];
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
