using System.Net;
using System.Text;
using HyperSearch.Web.Tests.Fakes;

namespace HyperSearch.Web.Tests.Security;

/// <summary>Writes another web page could make a visitor's browser send, and a rebound Host, are refused.</summary>
public sealed class CrossSiteTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Post(string url, string? body, string? contentType, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    [Fact]
    public async Task Pause_NoCorsPostWithoutContentType_Refused415NamingTheHeader()
    {
        var (status, body) = await SendAsync(Post("/api/searches/1/pause", null, null));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("Content-Type", body);
    }

    [Fact]
    public async Task Pause_HtmlFormPost_Refused415()
    {
        var (status, body) = await SendAsync(Post("/api/searches/1/pause", "x=1", "application/x-www-form-urlencoded", "http://evil.example"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/x-www-form-urlencoded", body);
    }

    [Fact]
    public async Task CreateSearch_JsonFromAnotherOrigin_Refused403NamingTheOrigin()
    {
        var (status, body) = await SendAsync(Post("/api/searches", "{}", "application/json", "http://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("evil.example", body);
    }

    [Fact]
    public async Task Cancel_JsonFromOwnOrigin_Accepted()
    {
        var (status, _) = await SendAsync(Post("/api/searches/77/cancel", "", "application/json", "http://localhost"));

        Assert.Equal(HttpStatusCode.NotFound, status); // past the guard: the search does not exist
    }

    [Fact]
    public async Task Get_ReboundHostHeader_Refused400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/searches");
        request.Headers.Host = "attacker.example";

        var (status, _) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Theory]
    [InlineData("/api/searches")]
    [InlineData("/")]
    public async Task AnyResponse_CarriesSecurityHeaders(string url)
    {
        using var response = await client.GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task AnyResponse_ConnectSourcesAreThisServerOnly()
    {
        using var response = await client.GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var connect = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal));
        // Was "connect-src 'self' ws: wss:": a WebSocket to any host.
        Assert.Equal("connect-src 'self' ws://localhost wss://localhost", connect);
    }

    [Theory]
    [InlineData("localhost:5180", "'self' ws://localhost:5180 wss://localhost:5180")]
    [InlineData("[::1]:5180", "'self' ws://[::1]:5180 wss://[::1]:5180")]
    [InlineData("evil.example; script-src *", "'self'")]
    public void ConnectSources_Host_OnlyAPlainHostIsNamed(string host, string expected)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Host = new Microsoft.AspNetCore.Http.HostString(host);

        Assert.Equal(expected, HyperSearch.Web.Hosting.SecurityHeaders.ConnectSources(context.Request));
    }

    [Fact]
    public async Task Page_ImportMapCarriesTheNonceOfItsPolicy()
    {
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];

        Assert.Contains($"nonce=\"{nonce}\"", html);
    }
}
