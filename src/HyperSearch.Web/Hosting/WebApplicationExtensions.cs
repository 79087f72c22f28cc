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

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
