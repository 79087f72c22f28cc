using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace HyperSearch.Web.Api;

/// <summary>
/// What a write to /api must carry, so that no other web page can make a visitor's browser write:
/// <c>Content-Type: application/json</c> (a form post or a no-cors request cannot set it without a
/// CORS preflight, which this server never grants) and, when the browser sends an Origin, this
/// server's own. A caller authenticated by a bearer token (issue 13 adds them; its authentication
/// middleware runs before this one) is not a browser riding on ambient credentials, so the Origin
/// rule does not apply to it. Every request body is limited to <see cref="MaxBodyBytes"/>.
/// </summary>
public sealed class ApiRequestGuard(RequestDelegate next)
{
    /// <summary>The documented body limit (docs/reliability.md): a search spec is a few kilobytes.</summary>
    public const long MaxBodyBytes = 1_048_576;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes)
            return Refuse(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"the limit is {MaxBodyBytes} bytes");
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            return next(context);

        if (!IsJson(context.Request.ContentType))
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType, "Writes to the API must be JSON.",
                "Content-Type: the header must be application/json" + (context.Request.ContentType is { Length: > 0 } t ? $", not '{t}'" : " (it is missing)"));
        if (!IsBearerAuthenticated(context) && context.Request.Headers.Origin is { Count: > 0 } origin && !SameOrigin(context.Request, origin.ToString()))
            return Refuse(context, StatusCodes.Status403Forbidden, "Cross-site writes are refused.",
                $"Origin: '{origin}' is not this server ({context.Request.Scheme}://{context.Request.Host})");
        return next(context);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsBearerAuthenticated(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool SameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
