using System.Diagnostics;
using HyperSearch.Core.Faults;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The one answer to "the database is briefly unavailable" (a locked SQLite file, a PostgreSQL
/// restart), for pages and API alike: 503 with <c>Retry-After</c>, never a 500 or an empty body. It
/// sits outside authentication, whose cookie and token checks read the database too, and inside
/// <see cref="SecurityHeaders"/>, so the answer carries the same headers as every other response.
/// The API gets a ProblemDetails body; a page gets a short HTML page that reloads itself.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ITransientFaultDetector faults, ILogger<DatabaseOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 5;
    public const string Title = "The database is unavailable; try again shortly.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (faults.IsTransient(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = faults.Describe(e);
            logger.LogWarning("{Method} {Path} answered 503: {Reason}", context.Request.Method, context.Request.Path, reason);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (StatusPage.WantsPage(context.Request))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(StatusPage.Outage(reason, RetryAfterSeconds));
                return;
            }
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Title, detail: reason,
                extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier })
                .ExecuteAsync(context);
        }
    }
}
