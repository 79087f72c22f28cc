namespace HyperSearch.Web.Api;

/// <summary>
/// /downloads: the files the pages offer — a search's trials as CSV or JSON, a trial's metrics and its
/// checkpoint — for a user signed in with the pages' cookie (the JSON API under /api takes bearer
/// tokens only, so these links answered 401 to a signed-in user). The same handlers, rules and read
/// isolation as the API's; GETs without side effects, so a cross-site link can trigger nothing, and
/// <c>Cross-Origin-Resource-Policy: same-origin</c> keeps other sites from embedding the answers.
/// </summary>
public static class DownloadEndpoints
{
    public const string Prefix = "/downloads";

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var downloads = endpoints.MapGroup(Prefix).ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
                return await next(context);
            });
        downloads.MapGet("/searches/{id:long}/export", SearchEndpoints.ExportAsync);
        downloads.MapGet("/trials/{id:long}/metrics", TrialEndpoints.MetricsAsync);
        downloads.MapGet("/trials/{id:long}/checkpoint", TrialEndpoints.CheckpointAsync);
        return endpoints;
    }
}
