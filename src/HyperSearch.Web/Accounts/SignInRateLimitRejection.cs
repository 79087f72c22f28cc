using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using HyperSearch.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// The answer when the sign-in rate limit refuses. It was a bare 429 (Chromium drew its own "HTTP
/// ERROR 429"): now a browser gets a page saying what happened and when to try again, a client of
/// the API a ProblemDetails body, and both a Retry-After header taken from the limiter's window.
/// </summary>
public static class SignInRateLimitRejection
{
    public const string Title = "Too many sign-in attempts";

    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // The fixed window says how long is left of it; a minute (the whole window) when it does not.
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (StatusPage.WantsPage(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(StatusPage.TooManySignIns(seconds), cancellationToken);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Title,
                detail: $"Sign-in is paused for this address; try again in {seconds} seconds.",
                extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier })
            .ExecuteAsync(context);
    }
}
