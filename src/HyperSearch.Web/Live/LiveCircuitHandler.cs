using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HyperSearch.Web.Live;

/// <summary>Tells the circuit's <see cref="CircuitLiveUpdates"/> when the circuit opens, its browser connection drops or returns, and when the circuit ends.</summary>
public sealed class LiveCircuitHandler(CircuitLiveUpdates updates, ILogger<LiveCircuitHandler> logger) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        updates.Open();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        updates.Connected = false;
        logger.LogInformation("Circuit {Circuit} lost its connection; its {Count} live subscriptions pause", circuit.Id, updates.Count);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        updates.Connected = true;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        updates.Dispose();
        return Task.CompletedTask;
    }
}
