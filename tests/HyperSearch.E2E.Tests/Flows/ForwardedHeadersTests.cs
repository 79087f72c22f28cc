using System.Net;
using HyperSearch.E2E.Tests.Infrastructure;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Behind a reverse proxy: the real server, first in its pipeline, takes the client's address and
/// the scheme from X-Forwarded-For/-Proto of a trusted proxy (here: this machine), so the login rate
/// limit counts per client and the single sign-on redirect URI is https; from an untrusted sender
/// the headers change nothing.
/// </summary>
public sealed class ForwardedHeadersTests
{
    public static TheoryData<string, string, bool> Setups => new()
    {
        { "HyperSearch__ForwardedHeaders__KnownProxies__0", "127.0.0.1", true },
        { "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true", true },
        { "HyperSearch__ForwardedHeaders__KnownProxies__0", "192.0.2.1", false }, // the proxy is elsewhere: we are not it
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task ProxiedRequests_ClientAddressAndSchemeFromTheHeaders_OnlyFromATrustedProxy(string key, string value, bool trusted)
    {
        var baseUrl = $"http://127.0.0.1:{WebAppProcess.FreePort()}";
        await using var provider = await OidcProvider.StartAsync(baseUrl + "/signin-oidc", new Dictionary<string, OidcProvider.Person>());
        await using var app = await WebAppProcess.StartAsync(new Dictionary<string, string>
        {
            ["HyperSearch__Worker__Embedded"] = "false",
            ["HyperSearch__Sso__Authority"] = provider.Authority,
            ["HyperSearch__Sso__ClientId"] = OidcProvider.ClientId,
            ["HyperSearch__Sso__RequireHttpsMetadata"] = "false",
            [key] = value,
        }, baseUrl: baseUrl);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };

        async Task<HttpStatusCode> LoginFromAsync(string client_)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent([new("userName", "x"), new("password", "y")]) };
            request.Headers.Add("X-Forwarded-For", client_);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        using var start = new HttpRequestMessage(HttpMethod.Get, "/account/sso");
        start.Headers.Add("X-Forwarded-Proto", "https");
        start.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var challenge = await client.SendAsync(start);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= 10; i++) statuses.Add(await LoginFromAsync("203.0.113.7"));
        var otherClient = await LoginFromAsync("203.0.113.8");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var redirectUri = Uri.EscapeDataString((trusted ? "https" : "http") + baseUrl[4..] + "/signin-oidc");
        Assert.Contains("redirect_uri=" + redirectUri, challenge.Headers.Location!.Query);
        // One window of 10 per client: the 11th from the same address is refused (the SSO start counted one too).
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Equal(trusted ? HttpStatusCode.BadRequest : HttpStatusCode.TooManyRequests, otherClient); // 400: no antiforgery token, but not limited
    }
}
