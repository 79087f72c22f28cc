using System.Text;
using HyperSearch.Web.Hosting;

namespace HyperSearch.Web.Tests.Hosting;

/// <summary>Only Kestrel's own bodiless refusals are written again with a body; the app's answers never are.</summary>
public sealed class KestrelRejectionTests
{
    private const string Refusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 17:47:29 GMT\r\nServer: Kestrel\r\n\r\n";

    [Fact]
    public void Rewrite_KestrelRefusal_AddsProblemBodyWithItsLength()
    {
        var rewritten = Encoding.UTF8.GetString(KestrelRejection.Rewrite(Encoding.ASCII.GetBytes(Refusal))!);

        var (head, body) = (rewritten[..rewritten.IndexOf("\r\n\r\n", StringComparison.Ordinal)], rewritten[(rewritten.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head);
        Assert.Contains("\"title\":\"Bad Request\"", body);
        Assert.Contains("X-Content-Type-Options: nosniff", head);
    }

    [Theory]
    // The app's own answers carry the security headers.
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nServer: Kestrel\r\nX-Content-Type-Options: nosniff\r\n\r\n")]
    // A success, a body, or a block that is not one whole header block.
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\nServer: Kestrel\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 12\r\nConnection: close\r\nServer: Kestrel\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\nHTTP/1.1 400 Bad Request\r\n\r\n")]
    [InlineData("{\"name\":\"HTTP/1.1 400 x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    public void Rewrite_AnythingElse_LeftAlone(string written) =>
        Assert.Null(KestrelRejection.Rewrite(Encoding.ASCII.GetBytes(written)));
}
