using System.Diagnostics;
using HyperSearch.Core.Faults;

namespace HyperSearch.Web.Api;

/// <summary>
/// The one exception path of /api: a request the framework could not read (a query value that is
/// not a number, a body that is not JSON) is a 400 naming the parameter; a body over the limit is a
/// 413 stating it; anything else is a 500 ProblemDetails carrying the trace id to find it in the log.
/// Always a body, never a re-executed request (which answered POSTs with an empty 405). A database
/// that is briefly unavailable passes through to <see cref="Hosting.DatabaseOutageMiddleware"/>
/// (503 + Retry-After), which also covers the authentication that runs before this one.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ITransientFaultDetector faults, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && !faults.IsTransient(e))
        {
            var (status, title, detail) = Classify(e);
            if (status >= 500)
                logger.LogError(e, "Unhandled API error on {Method} {Path}", context.Request.Method, context.Request.Path);
            else
                logger.LogWarning("API {Method} {Path} answered {Status}: {Detail}", context.Request.Method, context.Request.Path, status, detail);
            context.Response.Clear();
            await Results.Problem(statusCode: status, title: title, detail: detail,
                extensions: new Dictionary<string, object?> { ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier })
                .ExecuteAsync(context);
        }
    }

    private static (int Status, string Title, string? Detail) Classify(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, "The request body is too large.", $"the limit is {ApiRequestGuard.MaxBodyBytes} bytes"),
        BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", bad.Message),
        _ => (500, "An unexpected error occurred; the trace id finds it in the server log.", null),
    };
}
