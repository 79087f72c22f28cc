using System.Net;
using HyperSearch.Data.Entities;
using HyperSearch.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>Signing out through the real app: it needs the form's token, and it ends the session on the server, not only in this browser.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Refused400AndStillSignedIn()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();
        await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password);

        // What a page on another port of this host could post: the cookie rides along (same site), no token.
        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var page = await client.GetAsync("/queue");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Logout_CookieSavedBeforehand_NoLongerSignsIn()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();
        await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password);
        var cookie = (await CookieOfAsync(client)) ?? throw new InvalidOperationException("no sign-in cookie");

        using var signOut = await AccountsFactory.SignOutAsync(client);
        var replay = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/queue");
        request.Headers.Add("Cookie", cookie);
        using var page = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Logout_OtherSessionOfTheAccount_ItsNextActionHasNoActor()
    {
        using var factory = new AccountsFactory();
        await factory.SeedAsync();
        // The principal an open circuit holds (issued at its sign-in), then a sign-out in another tab.
        await using var scope = factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<UserEntity>>();
        var ann = (await signIn.UserManager.FindByNameAsync("ann"))!;
        var circuitUser = await signIn.CreateUserPrincipalAsync(ann);
        var resolver = factory.Services.GetRequiredService<ActorResolver>();
        Assert.Equal("ann", (await resolver.ResolveAsync(circuitUser))?.Name);

        var client = factory.BrowserLikeClient();
        await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password);
        using var signOut = await AccountsFactory.SignOutAsync(client);

        Assert.Null(await resolver.ResolveAsync(circuitUser)); // CircuitActor then acts as nobody: every command is refused
    }

    [Theory]
    [InlineData("nobody-here", "a-wrong-password-1")]  // unknown account
    [InlineData("ann", "a-wrong-password-1")]          // existing account, wrong password
    public async Task SignIn_WrongPasswordKnownOrUnknownAccount_VerifiesExactlyOnePasswordHash(string user, string password)
    {
        var hasher = new CountingHasher();
        using var factory = new AccountsFactory { TestServices = s => s.AddScoped<IPasswordHasher<UserEntity>>(_ => hasher) };
        await factory.SeedAsync();
        var client = factory.BrowserLikeClient();
        hasher.Verifications = 0;

        var target = await AccountsFactory.SignInAsync(client, user, password);

        Assert.StartsWith("/account/login?error=invalid", target);
        // The time a wrong password takes is the hash verification's: one for a real account, one for an unknown name.
        Assert.Equal(1, hasher.Verifications);
    }

    [Fact]
    public async Task SignIn_LockedAccountEvenWithItsRightPassword_InvalidAfterExactlyOnePasswordHash()
    {
        var hasher = new CountingHasher();
        using var factory = new AccountsFactory { TestServices = s => s.AddScoped<IPasswordHasher<UserEntity>>(_ => hasher) };
        await factory.SeedAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
            var ann = await users.FindByNameAsync("ann");
            await users.SetLockoutEndDateAsync(ann!, DateTimeOffset.UtcNow.AddHours(1));
        }
        var client = factory.BrowserLikeClient();
        hasher.Verifications = 0;

        var target = await AccountsFactory.SignInAsync(client, "ann", AccountsFactory.Password);

        // Locked reads as "invalid", like a wrong password, and costs the same one hash: neither the answer nor
        // its time tells an attacker that this name exists and is locked.
        Assert.StartsWith("/account/login?error=invalid", target);
        Assert.Equal(1, hasher.Verifications);
    }

    private static async Task<string?> CookieOfAsync(HttpClient client)
    {
        // The test client's cookie handler writes the saved cookies into each request it sends: read them there.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        using var response = await client.SendAsync(request);
        return request.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null;
    }

    /// <summary>Identity's own hasher, counting verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserEntity>
    {
        private readonly PasswordHasher<UserEntity> inner = new();
        public int Verifications;

        public string HashPassword(UserEntity user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserEntity user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
