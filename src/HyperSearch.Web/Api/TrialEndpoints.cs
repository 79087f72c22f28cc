using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;

namespace HyperSearch.Web.Api;

/// <summary>/api/trials/{id} (with its metrics and its checkpoint) and /api/queue.</summary>
public static class TrialEndpoints
{
    public static RouteGroupBuilder MapTrialEndpoints(this RouteGroupBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("Trials");
        trials.MapGet("/{id:long}", async (long id, HttpContext http, ApiAccess access, ITrialStore store, CancellationToken ct) =>
                await ReadableAsync(id, http, access, store, ct) is var (trial, denied) && trial is not null ? Results.Ok(trial) : denied!)
            .Produces<TrialRow>().Produces(StatusCodes.Status404NotFound);
        trials.MapGet("/{id:long}/metrics", MetricsAsync)
            .Produces<IReadOnlyList<EpochPoint>>().WithSummary("Every stored epoch (losses may be \"NaN\"/\"Infinity\").");
        trials.MapGet("/{id:long}/checkpoint", CheckpointAsync)
            .WithSummary("The trial's last checkpoint (model, optimizer, RNG, schedule position; docs/training.md describes the format).");
        trials.MapPost("/{id:long}/cancel", async (long id, HttpContext http, ApiAccess access, HyperSearch.Data.Accounts.AuditLog audit, ITrialStore store, CancellationToken ct) =>
        {
            if (await store.GetTrialAsync(id, ct) is not { } row) return Results.NotFound();
            var (actor, denied) = await access.SearchAsync(http, row.SearchId, ApiAccess.Manage, ct);
            if (actor is null) return denied!;
            if (await store.CancelTrialAsync(id, ct))
            {
                await audit.RecordAsync(actor.Name, HyperSearch.Data.Accounts.AuditAction.CancelTrial, row.SearchId, $"trial #{row.Number}", ct);
                return Results.NoContent();
            }
            return await store.GetTrialAsync(id, ct) is null
                ? Results.NotFound()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The trial is already finished.");
        });

        api.MapGet("/queue", (ITrialStore store, CancellationToken ct) => store.GetQueueAsync(ct))
            .WithTags("Queue").WithSummary("Every device slot of every worker and the queued trials in claim order with why they wait.");
        return api;
    }

    /// <summary>Every stored epoch of the trial (also a download of the pages: <see cref="DownloadEndpoints"/>).</summary>
    internal static async Task<IResult> MetricsAsync(long id, HttpContext http, ApiAccess access, ITrialStore store, CancellationToken ct) =>
        await ReadableAsync(id, http, access, store, ct) is var (trial, denied) && trial is null ? denied! : Results.Ok(await store.GetEpochsAsync(id, ct));

    /// <summary>The trial's kept checkpoint file, or 404 saying why there is none (also a download of the pages).</summary>
    internal static async Task<IResult> CheckpointAsync(long id, HttpContext http, ApiAccess access, ITrialStore store, ICheckpointStore checkpoints, CancellationToken ct)
    {
        var (trial, denied) = await ReadableAsync(id, http, access, store, ct);
        if (trial is null) return denied!;
        var key = ICheckpointStore.KeyOf(id);
        return checkpoints.Exists(key)
            ? Results.File(checkpoints.PathOf(key), "application/octet-stream", key + ".ckpt")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "This trial has no checkpoint: finished trials keep theirs only while they are their search's best.");
    }

    /// <summary>The trial when the caller may read its search (read isolation); else 401, or 404 as for a trial that does not exist.</summary>
    private static async Task<(TrialRow? Trial, IResult? Denied)> ReadableAsync(long id, HttpContext http, ApiAccess access, ITrialStore store, CancellationToken ct)
    {
        if (await store.GetTrialAsync(id, ct) is not { } trial) return (null, Results.NotFound());
        var (search, denied) = await access.ReadableAsync(http, trial.SearchId, ct);
        return search is null ? (null, denied) : (trial, null);
    }
}
