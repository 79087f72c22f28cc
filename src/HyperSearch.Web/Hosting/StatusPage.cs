using System.Net;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The small pages a browser gets when there is no page to render: the database is unavailable
/// (with a meta refresh, which needs no script under the CSP), or a bare 4xx/5xx status (an unknown
/// address, a refused form post). Plain HTML: nothing here reads the database.
/// </summary>
internal static class StatusPage
{
    public static string Outage(string reason, int retryAfterSeconds) => Html(
        "The database is unavailable",
        $"{WebUtility.HtmlEncode(reason)}. Searches keep their results; workers retry on their own.</p>\n<p>This page tries again in {retryAfterSeconds} seconds. <a href=\"\">Try now</a>.",
        $"<meta http-equiv=\"refresh\" content=\"{retryAfterSeconds}\" />");

    /// <summary>A browser asking for a page (not the API, not a script's fetch of JSON).</summary>
    public static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sign-in rate limit refused: what happened, when to try again, and a way back to the form.</summary>
    public static string TooManySignIns(int retryAfterSeconds) => Html(
        "Too many sign-in attempts",
        $"This address has tried to sign in too often in the last minute, so sign-in is paused for it. Nothing is wrong with your account.</p>\n<p>Try again in {retryAfterSeconds} seconds: <a href=\"/account/login\">back to sign-in</a>.");

    public static string ForStatus(int status) => Html(
        status == StatusCodes.Status404NotFound ? "Not found" : $"{status} {WebUtility.HtmlEncode(ReasonOf(status))}",
        status == StatusCodes.Status404NotFound
            ? "There is nothing at this address. <a href=\"/\">Go to the searches</a>."
            : "The server could not answer this request. <a href=\"/\">Go to the searches</a>.");

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static string Html(string title, string paragraph, string head = "") => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        {{head}}
        <title>HyperSearch: {{title}}</title>
        </head>
        <body style="font-family: system-ui, sans-serif; margin: 3rem; color-scheme: light dark;">
        <h1 style="font-size: 1.4rem;">{{title}}</h1>
        <p>{{paragraph}}</p>
        </body>
        </html>
        """;
}
