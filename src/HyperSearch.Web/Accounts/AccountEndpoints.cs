using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// POST /account/login and /account/logout: the forms of the login page and the app bar (plain
/// HTML forms with an antiforgery token, so the cookie is set by an ordinary HTTP response).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginRateLimit = "login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account");
        account.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(LoginRateLimit);
        account.MapPost("/logout", LogoutAsync);
        return endpoints;
    }

    /// <summary>
    /// Exactly one password hash is verified per attempt — the account's, or a stand-in's when the
    /// name is unknown or the account locked — and every failure reads "invalid": neither the time
    /// taken nor the answer tells whether an account exists (docs/teams.md).
    /// </summary>
    private static async Task<IResult> LoginAsync([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<UserEntity> signIn, StandInPassword standIn)
    {
        var back = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return Failed(back, "missing");
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            standIn.Verify(password);
            return Failed(back, "invalid");
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? Results.LocalRedirect(back) : Failed(back, "invalid");
    }

    /// <summary>
    /// Needs the form's antiforgery token (another page of the same site — another port of this host —
    /// could otherwise sign a user out). Renews the account's security stamp, so every cookie issued to
    /// it before — this browser's saved copy, other browsers, other tabs' circuits — stops working
    /// (<see cref="SessionValidator"/>).
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<UserEntity> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form is not valid.",
                detail: "the antiforgery token is missing or expired: reload the page and sign out again");
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/account/login");
    }

    private static IResult Failed(string returnUrl, string error) =>
        Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only paths of this site: an open redirect would let a link send a freshly signed-in user elsewhere.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/";
}
