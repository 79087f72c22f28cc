using HyperSearch.Web.Accounts;
using HyperSearch.Web.Api;
using HyperSearch.Web.Components;

namespace HyperSearch.Web.Hosting;

public static class WebApplicationExtensions
{
    public static WebApplication MapHyperSearch(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // The login page needs its styles and scripts before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapOpenApi();
        app.MapHyperSearchApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
