using HyperSearch.Core.Searches;
using HyperSearch.Data.Accounts;

namespace HyperSearch.Web.Api;

/// <summary>
/// PUT /api/searches/{id}/annotation and /api/trials/{id}/annotation: <c>{ "notes": "…", "tags": […] }</c>
/// replaces the notes and tags (members of the search's team and admins; audited). The lists filter
/// by one tag with <c>?tag=</c>.
/// </summary>
public static class AnnotationEndpoints
{
    public static RouteGroupBuilder MapAnnotationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/searches/{id:long}/annotation", async (long id, HttpRequest request, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct) =>
        {
            var (annotation, refused) = await ReadAsync(request, ct);
            if (annotation is null) return refused!;
            var (actor, denied) = await access.SearchAsync(request.HttpContext, id, ApiAccess.Annotate, ct);
            if (actor is null) return denied!;
            if (!await store.AnnotateSearchAsync(id, annotation, ct)) return Results.NotFound();
            await audit.RecordAsync(actor.Name, AuditAction.Annotate, id, Describe(annotation), ct);
            return Results.NoContent();
        }).WithTags("Searches").Accepts<AnnotationDocument>("application/json").ProducesValidationProblem()
            .WithSummary("Replace the search's notes and tags (tags: 1–32 characters of a-z 0-9 - _ . :, at most 20).");

        api.MapPut("/trials/{id:long}/annotation", async (long id, HttpRequest request, ApiAccess access, AuditLog audit, ITrialStore store, CancellationToken ct) =>
        {
            var (annotation, refused) = await ReadAsync(request, ct);
            if (annotation is null) return refused!;
            if (await store.GetTrialAsync(id, ct) is not { } trial) return Results.NotFound();
            var (actor, denied) = await access.SearchAsync(request.HttpContext, trial.SearchId, ApiAccess.Annotate, ct);
            if (actor is null) return denied!;
            if (!await store.AnnotateTrialAsync(id, annotation, ct)) return Results.NotFound();
            await audit.RecordAsync(actor.Name, AuditAction.Annotate, trial.SearchId, $"trial #{trial.Number}: {Describe(annotation)}", ct);
            return Results.NoContent();
        }).WithTags("Trials").Accepts<AnnotationDocument>("application/json").ProducesValidationProblem()
            .WithSummary("Replace the trial's notes and tags.");
        return api;
    }

    private static async Task<(Annotation? Annotation, IResult? Refused)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[Annotation.MaxNotes * 2 + 4096];
        var length = await reader.ReadBlockAsync(buffer, ct);
        if (length == buffer.Length) return (null, ApiProblems.Validation("$", $"the body is too large (notes hold at most {Annotation.MaxNotes} characters)"));
        var (annotation, errors) = AnnotationReader.Parse(new string(buffer, 0, length));
        return annotation is null ? (null, ApiProblems.Validation(errors)) : (annotation, null);
    }

    private static string Describe(Annotation a) =>
        $"tags [{string.Join(", ", a.Tags)}], notes of {a.Notes.Length} characters";
}
