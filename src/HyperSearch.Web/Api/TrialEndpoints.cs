using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Api;

/// <summary>/api/trials/{id} (with its metrics) and /api/queue.</summary>
public static class TrialEndpoints
{
    public static RouteGroupBuilder MapTrialEndpoints(this RouteGroupBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("Trials");
        trials.MapGet("/{id:long}", async (long id, ITrialStore store, CancellationToken ct) =>
            await store.GetTrialAsync(id, ct) is { } trial ? Results.Ok(trial) : Results.NotFound())
            .Produces<TrialRow>().Produces(StatusCodes.Status404NotFound);
        trials.MapGet("/{id:long}/metrics", async (long id, ITrialStore store, CancellationToken ct) =>
            await store.GetTrialAsync(id, ct) is null ? Results.NotFound() : Results.Ok(await store.GetEpochsAsync(id, ct)))
            .Produces<IReadOnlyList<EpochPoint>>().WithSummary("Every stored epoch (losses may be \"NaN\"/\"Infinity\").");
        trials.MapPost("/{id:long}/cancel", async (long id, ITrialStore store, CancellationToken ct) =>
        {
            if (await store.CancelTrialAsync(id, ct)) return Results.NoContent();
            return await store.GetTrialAsync(id, ct) is null
                ? Results.NotFound()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The trial is already finished.");
        });

        api.MapGet("/queue", (ITrialStore store, CancellationToken ct) => store.GetQueueAsync(ct))
            .WithTags("Queue").WithSummary("Every device slot of every worker and the queued trials in claim order with why they wait.");
        return api;
    }
}
