using System.Security.Cryptography;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer leaving the site, no framing, and a
/// Content-Security-Policy under which Blazor Server, MudBlazor and ECharts run: scripts only from
/// this server plus the page's inline scripts (the import map, Blazor's start), allowed by a per-request nonce;
/// inline styles allowed (MudBlazor and ECharts tooltips set style attributes); connections (fetch,
/// the circuit's WebSocket) only to this server: <c>'self'</c> plus <c>ws:</c>/<c>wss:</c> of the page's
/// own host (browsers before CSP level 3 do not count a WebSocket to the same host as <c>'self'</c>),
/// never to any host as a bare <c>ws: wss:</c> allowed.
/// </summary>
public sealed partial class SecurityHeaders(RequestDelegate next)
{
    public const string NonceItem = "csp-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        // Hex, not base64: Blazor HTML-encodes '+' in attributes (&#x2B;), so a base64 nonce would read
        // differently in the page source than in the header (the browser decodes it, tools and tests do not).
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                $"font-src 'self' data:; connect-src {ConnectSources(context.Request)}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// <c>'self'</c> and the WebSocket schemes of the Host the page was asked under (Kestrel refuses a
    /// malformed Host; the pattern keeps anything else out of the header all the same).
    /// </summary>
    public static string ConnectSources(HttpRequest request) =>
        request.Host.HasValue && PlainHost().IsMatch(request.Host.Value!)
            ? $"'self' ws://{request.Host.Value} wss://{request.Host.Value}"
            : "'self'";

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$")]
    private static partial System.Text.RegularExpressions.Regex PlainHost();

    /// <summary>The nonce of this request's CSP, for the page's inline scripts.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceItem] as string;
}
