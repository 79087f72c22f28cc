using HyperSearch.Core.Access;
using HyperSearch.Core.Importance;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Accounts;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Launch;

namespace HyperSearch.Web.Api;

/// <summary>/api/searches: create (validated exactly like the launch form), list, get, steer, trials, importance, export.</summary>
public static class SearchEndpoints
{
    public const int MaxBodyChars = 1_000_000;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        var searches = api.MapGroup("/searches").WithTags("Searches");
        searches.MapPost("/", CreateAsync)
            .Accepts<SearchSpecDocument>("application/json")
            .Produces<CreatedSearch>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Create a search from a spec document (the same document as `hypersearch search create`).");
        searches.MapGet("/", ListAsync).Produces<IReadOnlyList<SearchSummary>>().WithSummary("Searches, newest first (with read isolation: of the caller's teams); tag=x: only those tagged x.");
        searches.MapGet("/{id:long}", async (long id, HttpContext http, ApiAccess access, CancellationToken ct) =>
                await access.ReadableAsync(http, id, ct) is var (detail, denied) && detail is not null ? Results.Ok(detail) : denied!)
            .Produces<SearchDetail>().Produces(StatusCodes.Status404NotFound);
        searches.MapPost("/{id:long}/cancel", (long id, HttpContext http, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct) =>
            CommandAsync(id, http, access, ApiAccess.Manage, audit, AuditAction.Cancel, "", store, s => s.CancelSearchAsync(id, ct), ct)).WithSummary("Cancel queued trials; running ones stop at the next check.");
        searches.MapPost("/{id:long}/pause", (long id, HttpContext http, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct) =>
            CommandAsync(id, http, access, ApiAccess.Manage, audit, AuditAction.Pause, "", store, s => s.PauseSearchAsync(id, ct), ct));
        searches.MapPost("/{id:long}/resume", (long id, HttpContext http, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct) =>
            CommandAsync(id, http, access, ApiAccess.Manage, audit, AuditAction.Resume, "", store, s => s.ResumeSearchAsync(id, ct), ct));
        searches.MapPost("/{id:long}/priority", SetPriorityAsync)
            .Accepts<PriorityChange>("application/json").ProducesValidationProblem()
            .WithSummary("Set the search's claim priority (-1000…1000, higher first).");
        searches.MapGet("/{id:long}/trials", TrialsAsync)
            .Produces<Page<TrialRow>>().ProducesValidationProblem()
            .WithSummary("Ranked trials; filters: state=completed,running, decay=cosine,step, tag=x; sort=rank|number|initialLr|…; desc; skip; take.");
        searches.MapPost("/{id:long}/trials", AddTrialAsync)
            .Accepts<HyperSearch.Core.Configuration.TrialConfig>("application/json")
            .Produces<AddedTrialReply>(StatusCodes.Status201Created)
            .ProducesValidationProblem().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status409Conflict)
            .WithSummary("Add a trial with this config to the search (\"re-run with changes\"): queued ahead of the sampler, one more in the budget; a completed search reopens.");

        searches.MapGet("/{id:long}/importance", async (long id, HttpContext http, ApiAccess access, HyperSearch.Web.Analysis.ImportanceCache importance, CancellationToken ct) =>
                await access.ReadableAsync(http, id, ct) is var (search, denied) && search is null ? denied!
                : await importance.GetAsync(id, ct) is { } report ? Results.Ok(report) : Results.NotFound())
            .Produces<ImportanceReport>().Produces(StatusCodes.Status404NotFound)
            .WithSummary("Each parameter's share of the objective's variance over the completed trials (see docs/search-space.md).");
        searches.MapGet("/{id:long}/export", ExportAsync)
            .WithSummary("Every trial, ranked, as format=csv (default) or format=json; epochs=true adds each trial's per-epoch history (CSV: one row per trial and epoch).");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiAccess access, ITrialStore store, int? skip, int? take, string? tag, CancellationToken ct)
    {
        if (skip is < 0 || take is < 1 or > 1000)
            return ApiProblems.Validation(skip is < 0 ? "skip" : "take", skip is < 0 ? "must be ≥ 0" : "must be between 1 and 1000");
        if (TrialQueryReader.TagProblem(tag) is { } tagProblem) return ApiProblems.Validation("tag", tagProblem);
        var (actor, denied) = await access.ActorAsync(http, ct);
        if (actor is null) return denied!;
        var teams = SearchPermissions.ReadableTeams(actor);
        return Results.Ok(tag is null
            ? await store.ListSearchesAsync(skip ?? 0, take ?? 100, teams, ct)
            : await store.ListSearchesAsync(tag.ToLowerInvariant(), skip ?? 0, take ?? 100, teams, ct));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiAccess access, ILaunchTeams teams, ITrialStore store, IWorkloadCatalog workloads, CancellationToken ct)
    {
        var (actor, denied) = await access.ActorAsync(request.HttpContext, ct);
        if (actor is null) return denied!;
        var (key, keyProblem) = IdempotencyKey.Read(request);
        if (keyProblem is not null) return ApiProblems.Validation(IdempotencyKey.Header, keyProblem);
        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (body is null) return tooLarge!;
        var (spec, errors) = SearchSpecValidator.Parse(body, workloads.Workloads);
        if (spec is null) return ApiProblems.Validation(errors);
        var (owned, field, problem) = await teams.AssignAsync(actor, spec, ct);
        if (owned is null)
            return field is null ? ApiAccess.Forbidden(actor, problem!) : ApiProblems.Validation(field, problem!);
        var launched = await store.LaunchSearchAsync(owned,
            new SearchLaunch(actor.Name, AuditAction.Launch, $"“{owned.Name}” in team {owned.TeamId} via the API", key, LaunchFingerprint.Of(body)), ct);
        var id = launched.SearchId;
        if (launched.Outcome == LaunchOutcome.KeyReused)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"{IdempotencyKey.Header} was used for a different request.",
                detail: $"search {id} was launched with this key from another body; use a new key for a new search");
        // A retry gets the first answer again; the header tells it apart for a client that cares.
        if (launched.Outcome == LaunchOutcome.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Created($"/api/searches/{id}", new CreatedSearch(id, $"/searches/{id}"));
    }

    private static async Task<IResult> AddTrialAsync(long id, HttpRequest request, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct)
    {
        var (actor, denied) = await access.SearchAsync(request.HttpContext, id, ApiAccess.Manage, ct);
        if (actor is null) return denied!;
        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (body is null) return tooLarge!;
        var (config, errors) = TrialConfigReader.Read(body);
        if (config is null) return ApiProblems.Validation(errors);
        var added = await store.AddTrialAsync(id, config, ct);
        if (added.Status == AddTrialStatus.Added) await audit.RecordAsync(actor.Name, AuditAction.AddTrial, id, $"trial #{added.Number} via the API", ct);
        return added.Status switch
        {
            AddTrialStatus.Added => Results.Created($"/api/trials/{added.TrialId}", new AddedTrialReply(added.TrialId!.Value, added.Number!.Value, $"/trials/{added.TrialId}")),
            AddTrialStatus.SearchNotFound => Results.NotFound(),
            AddTrialStatus.SearchEvaluating => Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The search is testing its best trial on the held-out set; add the trial when that has finished."),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The search is cancelled or failed: nothing more runs in it."),
        };
    }

    /// <summary>
    /// The body as text, up to <see cref="MaxBodyChars"/> (else a 413): read as text so malformed JSON gets
    /// the validator's field error, not a 500 or a bare 400.
    /// </summary>
    private static async Task<(string? Body, IResult? TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyChars + 1];
        var length = await reader.ReadBlockAsync(buffer, ct);
        return length > MaxBodyChars
            ? (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.", detail: $"the limit is {MaxBodyChars} characters"))
            : (new string(buffer, 0, length), null);
    }

    private static async Task<IResult> SetPriorityAsync(long id, HttpRequest request, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var (change, errors) = PriorityChange.Read(await reader.ReadToEndAsync(ct));
        if (change is null) return ApiProblems.Validation(errors);
        return await CommandAsync(id, request.HttpContext, access, ApiAccess.Prioritise, audit, AuditAction.Priority, $"priority {change.Priority}",
            store, s => s.SetPriorityAsync(id, change.Priority, ct), ct);
    }

    private static async Task<IResult> CommandAsync(long id, HttpContext http, ApiAccess access, Func<HyperSearch.Core.Access.Actor, SearchSummary, bool> rule,
        AuditLog audit, string action, string detail, ITrialStore store, Func<ITrialStore, Task<bool>> command, CancellationToken ct)
    {
        var (actor, denied) = await access.SearchAsync(http, id, rule, ct);
        if (actor is null) return denied!;
        if (await command(store))
        {
            await audit.RecordAsync(actor.Name, action, id, detail, ct);
            return Results.NoContent();
        }
        return await store.GetSearchAsync(id, ct) is null
            ? Results.NotFound()
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The search is already finished.");
    }

    private static async Task<IResult> TrialsAsync(long id, HttpContext http, ApiAccess access, ITrialStore store, string? state, string? decay, string? tag, string? sort,
        bool? desc, int? skip, int? take, CancellationToken ct)
    {
        var (query, errors) = TrialQueryReader.Read(id, state, decay, sort, desc, skip, take, tag);
        if (query is null) return ApiProblems.Validation(errors);
        var (search, denied) = await access.ReadableAsync(http, id, ct);
        if (search is null) return denied!;
        return Results.Ok(await store.GetTrialsAsync(query, ct));
    }

    /// <summary>Every trial, ranked, as CSV or JSON (also a download of the pages: <see cref="DownloadEndpoints"/>).</summary>
    internal static async Task<IResult> ExportAsync(long id, HttpContext http, ApiAccess access, ITrialStore store, string? format, string? state, string? decay, string? tag, string? epochs, CancellationToken ct)
    {
        format ??= "csv";
        if (format is not ("csv" or "json")) return ApiProblems.Validation("format", "must be csv or json");
        if (epochs is not (null or "true" or "false")) return ApiProblems.Validation("epochs", $"must be true or false; got '{epochs}'");
        var (query, errors) = TrialQueryReader.Read(id, state, decay, null, null, null, null, tag);
        if (query is null) return ApiProblems.Validation(errors);
        var (detail, denied) = await access.ReadableAsync(http, id, ct);
        if (detail is null) return denied!;
        var rows = await store.GetAllTrialsAsync(query, ct);
        var history = epochs == "true" ? await EpochHistory.ReadAsync(store, rows, ct) : null;
        return format == "csv"
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(history is null ? TrialExport.ToCsv(rows) : TrialExport.EpochsToCsv(rows, history)), "text/csv",
                history is null ? $"search-{id}-trials.csv" : $"search-{id}-epochs.csv")
            : Results.File(System.Text.Encoding.UTF8.GetBytes(TrialExport.ToJson(detail.Summary, rows, history)), "application/json", $"search-{id}-trials.json");
    }
}
