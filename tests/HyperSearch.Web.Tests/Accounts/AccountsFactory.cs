using System.Text.RegularExpressions;
using HyperSearch.Core.Access;
using HyperSearch.Data;
using HyperSearch.Data.Accounts;
using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Web.Tests.Accounts;

/// <summary>
/// The real web app on a real SQLite file (or the PostgreSQL database given) with accounts once
/// <see cref="SeedAsync"/> ran: admin "root", team "alpha" (ann member, lee lead, val viewer) and team
/// "beta" (bea member); without it, open mode. No embedded worker.
/// </summary>
public sealed partial class AccountsFactory : WebApplicationFactory<Program>
{
    public const string Password = "a-long-password-1";
    private readonly string database = Path.Combine(Path.GetTempPath(), $"hypersearch-accounts-{Guid.NewGuid():N}.db");
    private bool seeded;

    /// <summary>A PostgreSQL connection string; a fresh SQLite file when null.</summary>
    public string? Postgres { get; init; }

    /// <summary>Production runs the pipeline as deployed (the pages' error handler included).</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Appended to the SQLite connection string (e.g. a shorter command timeout).</summary>
    public string SqliteOptions { get; init; } = "";

    /// <summary>More settings (key → value), e.g. <c>HyperSearch:Accounts:ReadIsolation</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Test replacements of the app's services.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string SqliteConnectionString => $"Data Source={database}{SqliteOptions}";

    /// <summary>The SQLite file (another connection locks it in the outage tests).</summary>
    public string DatabaseFile => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("HyperSearch:Worker:Embedded", "false");
        builder.UseSetting("HyperSearch:Database:Provider", Postgres is null ? "sqlite" : "postgres");
        builder.UseSetting("HyperSearch:Database:ConnectionString", Postgres ?? SqliteConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*")) File.Delete(file);
    }

    public async Task SeedAsync()
    {
        if (seeded) return;
        seeded = true;
        _ = Server; // starts the host: migrations run
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        foreach (var (name, admin) in new[] { ("root", true), ("ann", false), ("lee", false), ("val", false), ("bea", false) })
        {
            var result = await users.CreateAsync(new UserEntity { UserName = name, IsAdmin = admin }, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        var teams = Services.GetRequiredService<TeamDirectory>();
        await teams.CreateTeamAsync("alpha");
        await teams.CreateTeamAsync("beta");
        Assert.Null(await teams.SetMemberAsync("alpha", "ann", TeamRole.Member));
        Assert.Null(await teams.SetMemberAsync("alpha", "lee", TeamRole.Lead));
        Assert.Null(await teams.SetMemberAsync("alpha", "val", TeamRole.Viewer));
        Assert.Null(await teams.SetMemberAsync("beta", "bea", TeamRole.Member));
        // AccountMode caches "no account" for 2 s; wait until the app sees the accounts.
        var mode = Services.GetRequiredService<HyperSearch.Web.Accounts.AccountMode>();
        for (var i = 0; i < 50 && !await mode.IsEnabledAsync(); i++) await Task.Delay(100);
    }

    public async Task<string> UserIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync();
    }

    public async Task<string> TokenAsync(string user, TokenScope scope = TokenScope.ReadWrite, int days = 30)
    {
        var (token, error) = await Services.GetRequiredService<ApiTokens>().CreateAsync(await UserIdAsync(user), "test", scope, days);
        Assert.Null(error);
        return token!;
    }

    public async Task ExpireTokensOfAsync(string user)
    {
        var id = await UserIdAsync(user);
        await using var db = await Services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>().CreateDbContextAsync();
        foreach (var token in db.ApiTokens.Where(t => t.UserId == id)) token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient BrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form as a browser would (antiforgery token from the page); returns the redirect target.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string user, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = password, ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Signs out with the app bar's form (its antiforgery token read from <paramref name="page"/>); returns the response.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient client, string page = "/queue")
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
