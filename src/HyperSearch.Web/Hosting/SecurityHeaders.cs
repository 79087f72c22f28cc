using System.Security.Cryptography;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer leaving the site, no framing, and a
/// Content-Security-Policy under which Blazor Server, MudBlazor and ECharts run: scripts only from
/// this server plus the page's inline scripts (the import map, Blazor's start), allowed by a per-request nonce;
/// inline styles allowed (MudBlazor and ECharts tooltips set style attributes); the circuit's
/// WebSocket to this server.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
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
                "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The nonce of this request's CSP, for the page's inline scripts.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceItem] as string;
}
