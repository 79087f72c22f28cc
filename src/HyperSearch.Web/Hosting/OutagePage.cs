using System.Net;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// The page shown while the database is unavailable: what happened and that it reloads by itself
/// (a meta refresh: no script, so it runs under the CSP without a nonce). Plain HTML, no data read.
/// </summary>
internal static class OutagePage
{
    public static string Html(string reason, int retryAfterSeconds) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <meta http-equiv="refresh" content="{{retryAfterSeconds}}" />
        <title>HyperSearch: database unavailable</title>
        </head>
        <body style="font-family: system-ui, sans-serif; margin: 3rem; color-scheme: light dark;">
        <h1 style="font-size: 1.4rem;">The database is unavailable</h1>
        <p>{{WebUtility.HtmlEncode(reason)}}. Searches keep their results; workers retry on their own.</p>
        <p>This page tries again in {{retryAfterSeconds}} seconds. <a href="">Try now</a>.</p>
        </body>
        </html>
        """;
}
