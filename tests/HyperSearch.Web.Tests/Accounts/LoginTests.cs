using System.Net;
using HyperSearch.Data.Entities;
using HyperSearch.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>Sign-in through the real login form: redirects, lockout after 5 failures, rate limit per client.</summary>
public sealed class LoginTests
{
    [Fact]
    public async Task Page_NotSignedIn_RedirectsToLoginWithReturnUrl()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();

        using var response = await factory.BrowserLikeClient().GetAsync("/queue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=%2Fqueue", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();

        for (var i = 0; i < 5; i++)
            Assert.StartsWith("/account/login?error=", await AccountsFactory.SignInAsync(client, "bea", "wrong-password-9"));
        var right = await AccountsFactory.SignInAsync(client, "bea", AccountsFactory.Password);

        // The same answer as a wrong password or an unknown name: a lockout must not tell that the account exists.
        Assert.StartsWith("/account/login?error=invalid", right);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("bea"))!));
        }
        Assert.Equal("/", await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password)); // others unaffected
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_StaysOnThisSite()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();

        Assert.Equal("/", await AccountsFactory.SignInAsync(factory.BrowserLikeClient(), "ann", AccountsFactory.Password, "//evil.example/x"));
    }

    [Fact]
    public async Task SignIn_MoreThanTheLimitPerMinute_Returns429()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();
        for (var i = 0; i < AccountsRegistration.LoginsPerMinute; i++)
            await AccountsFactory.SignInAsync(client, "nobody-" + i, "whatever-password-1");

        var page = await client.GetStringAsync("/account/login");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value,
            ["userName"] = "ann", ["password"] = AccountsFactory.Password,
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Theory]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("application/json", "application/problem+json")]
    public async Task SignIn_OverTheLimit_BrowserGetsAPageSayingWhenToRetry_ApiClientProblemDetails(string accept, string contentType)
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();
        for (var i = 0; i < AccountsRegistration.LoginsPerMinute; i++)
            await AccountsFactory.SignInAsync(client, "nobody-" + i, "whatever-password-1");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "ann", ["password"] = AccountsFactory.Password }),
        };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);

        // Chromium showed its own bare "HTTP ERROR 429": the answer had no body and no Retry-After.
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.InRange(seconds ?? -1, 1, 60);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", body);
        Assert.Contains($"{seconds:0} seconds", body);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5180", true)]
    [InlineData("http://localhost:5180", true)]
    [InlineData("http://[::1]:5180", true)]
    [InlineData("http://0.0.0.0:5180", false)]
    [InlineData("http://[::]:5180", false)]
    [InlineData("http://192.168.1.4:5180", false)]
    [InlineData("http://+:5180", false)]
    public void IsLoopback_Address_OnlyLoopbackCounts(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackGuard.IsLoopback(address));
}
