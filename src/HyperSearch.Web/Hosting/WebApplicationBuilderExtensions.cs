using Radzen;

namespace HyperSearch.Web.Hosting;

public static class WebApplicationBuilderExtensions
{
    public static WebApplicationBuilder AddHyperSearchWeb(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddRootSettings();
        // Static assets come from the build's manifest whatever the environment, so the app also
        // works when started as `dotnet HyperSearch.Web.dll` from the build folder.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
