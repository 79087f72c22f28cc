using System.Text;
using System.Text.Json;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Kestrel refuses some requests before any middleware runs — a NUL (<c>%00</c>) or a raw non-ASCII
/// byte in the path (400), a request line over 8 KB (414), headers over 32 KB (431) — and answers
/// them with headers only: <c>HTTP/1.1 400 Bad Request</c>, <c>Content-Length: 0</c>,
/// <c>Connection: close</c>, and no way to add a body (aspnet/KestrelHttpServer#2947). This recognises
/// such an answer by its exact shape, and writes it again with a ProblemDetails body saying what is
/// wrong and the security headers of every other response. An answer of the app always carries
/// <c>X-Content-Type-Options</c> (<see cref="SecurityHeaders"/>), so it is never taken for one.
/// </summary>
public static class KestrelRejection
{
    private static readonly byte[] StatusPrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] EmptyAndClosing = "\r\nContent-Length: 0\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] End = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] AppMarker = "\r\nX-Content-Type-Options:"u8.ToArray();

    /// <summary>The largest header block of Kestrel's own (a reason phrase, date and server name: about 120 bytes).</summary>
    public const int MaxLength = 512;

    /// <summary>The answer with a body when <paramref name="written"/> is exactly one of Kestrel's bodiless rejections; else null.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length > MaxLength || !written.StartsWith(StatusPrefix) || !written.EndsWith(End)
            || written.IndexOf(EmptyAndClosing) < 0 || written.IndexOf(AppMarker) >= 0 || written.IndexOf(End) != written.Length - End.Length)
            return null;
        var text = Encoding.ASCII.GetString(written);
        var statusLineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (!int.TryParse(text.AsSpan(StatusPrefix.Length, 3), out var status) || status < 400) return null;
        var reason = text[(StatusPrefix.Length + 4)..statusLineEnd];
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = $"https://httpwg.org/specs/rfc9110.html#status.{status}",
            ["title"] = reason,
            ["status"] = status,
            ["detail"] = Detail(status),
        });
        var headers = text[..(text.Length - End.Length)]
            .Replace("\r\nContent-Length: 0\r\n", $"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nContent-Type: application/problem+json\r\n", StringComparison.Ordinal);
        // The fixed part of SecurityHeaders' set: a JSON body needs no script, style or connection.
        headers += "\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\nX-Frame-Options: DENY" +
                   "\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'";
        return Encoding.UTF8.GetBytes(headers + "\r\n\r\n" + body);
    }

    private static string Detail(int status) => status switch
    {
        400 => "the server could not read the request line or its headers: e.g. %00, a control character or a raw non-ASCII byte in the path (percent-encode UTF-8), or a malformed header",
        414 => "the request line (method, path and query) is longer than 8 KB",
        431 => "the request headers are larger than 32 KB",
        _ => "the server refused the request before reading it",
    };
}
