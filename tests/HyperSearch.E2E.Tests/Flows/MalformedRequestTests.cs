using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using HyperSearch.E2E.Tests.Infrastructure;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Requests Kestrel itself refuses before any middleware runs, sent as raw bytes to the real server
/// (an HTTP client would encode or refuse them): each answer has a ProblemDetails body and the
/// security headers, not headers alone.
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private WebAppProcess app = null!;

    public async Task InitializeAsync() =>
        app = await WebAppProcess.StartAsync(new Dictionary<string, string> { ["HyperSearch__Worker__Embedded"] = "false" });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("GET /a%00b HTTP/1.1", 400, "%00")]                      // NUL in the path
    [InlineData("GET /api/searches/%00 HTTP/1.1", 400, "%00")]
    [InlineData("GET /\u00c3\u00a9 HTTP/1.1", 400, "non-ASCII")]         // raw UTF-8 bytes of "é" (sent as Latin-1 below)
    [InlineData("GET /{long} HTTP/1.1", 414, "longer than 8 KB")]
    public async Task RefusedByKestrel_AnswerHasProblemBodyAndSecurityHeaders(string requestLine, int status, string detail)
    {
        var (head, body) = Split(await SendAsync(requestLine.Replace("{long}", new string('a', 9000))));

        // Was "HTTP/1.1 400 Bad Request", "Content-Length: 0" and nothing else.
        Assert.StartsWith($"HTTP/1.1 {status} ", head);
        Assert.Contains("Content-Type: application/problem+json", head);
        Assert.Contains("X-Content-Type-Options: nosniff", head);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RefusedAfterAnAnsweredRequestOnTheSameConnection_AnswerHasProblemBody()
    {
        var answer = await SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\nGET /a%00 HTTP/1.1");

        var second = answer[answer.IndexOf("HTTP/1.1 400", StringComparison.Ordinal)..];
        Assert.Contains("{\"status\":\"ok\"}", answer);
        Assert.Contains("\"status\":400", Split(second).Body);
    }

    [Fact]
    public async Task UnknownPage_404HasAPageBody()
    {
        var (head, body) = Split(await SendAsync("GET /no-such-page HTTP/1.1"));

        Assert.StartsWith("HTTP/1.1 404 ", head);
        Assert.Contains("Not found", body);
    }

    /// <summary>Writes the request line (as Latin-1 bytes, so any character is one raw byte) and reads until the server closes.</summary>
    private async Task<string> SendAsync(string requestLine)
    {
        var uri = new Uri(app.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(timeout.Token);
    }

    private static (string Head, string Body) Split(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (response[..end], response[(end + 4)..]);
    }
}
