using HyperSearch.Web.Accounts;
using HyperSearch.Web.Accounts.Sso;
using HyperSearch.Web.Api;
using HyperSearch.Web.Components;

namespace HyperSearch.Web.Hosting;

public static class WebApplicationExtensions
{
    public static WebApplication MapHyperSearch(this WebApplication app)
    {
        app.UseHyperSearchForwardedHeaders(); // before anything reads the client's address or the scheme
        app.UseMiddleware<SecurityHeaders>();
        // Pages' bugs get the re-executed error page; the API answers its own (ApiErrorMiddleware).
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/error", createScopeForErrors: true));
        }
        // Inside the error page (an outage is a 503, not an error page that would read the database
        // again) and outside authentication (cookie and token checks read the database).
        app.UseMiddleware<DatabaseOutageMiddleware>();
        // Before the API guard: it exempts bearer-authenticated callers from its Origin rule.
        app.UseAuthentication();
        // The API answers its own errors (ApiErrorMiddleware) and empty 4xx (405, 404) with a
        // ProblemDetails body.
        app.UseWhen(IsApi, api =>
        {
            api.UseStatusCodePages();
            api.UseMiddleware<ApiErrorMiddleware>();
            api.UseMiddleware<ApiRequestGuard>();
        });
        // A form post to /account without a valid antiforgery token throws (ThrowOnBadRequest is on for the API's
        // messages), and the error page cannot answer a POST: it is the client's 400, not a 500.
        app.UseWhen(context => !IsApi(context), pages =>
        {
            // A bare status (an unknown address, a refused form post) gets a small page, not an empty body.
            pages.UseStatusCodePages(async status =>
            {
                status.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await status.HttpContext.Response.WriteAsync(StatusPage.ForStatus(status.HttpContext.Response.StatusCode));
            });
            pages.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = bad.StatusCode;
                }
            });
        });

        app.UseAuthorization();
        // After authorization: a request sent to sign in takes no prerender slot.
        var prerender = app.Services.GetRequiredService<PrerenderGate>();
        app.Use((context, next) => prerender.DecideAsync(context, () => next(context)));
        app.UseRateLimiter();
        app.UseAntiforgery();
        // The login page needs its styles and scripts before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSsoEndpoints();
        app.MapOpenApi();
        app.MapHyperSearchApi();
        app.MapDownloadEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
