using System.Text.Json;
using System.Text.Json.Serialization;
using HyperSearch.Data;
using HyperSearch.Web.Accounts;
using HyperSearch.Web.Api;
using HyperSearch.Web.Launch;
using HyperSearch.Worker;
using HyperSearch.Worker.Slurm;
using Microsoft.Extensions.DependencyInjection.Extensions;
using HyperSearch.Web.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using HyperSearch.Web.Components.Shared;
using MudBlazor.Services;

namespace HyperSearch.Web.Hosting;

public static class WebApplicationBuilderExtensions
{
    public static WebApplicationBuilder AddHyperSearchWeb(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddRootSettings();
        // Static assets come from the build's manifest whatever the environment, so the app also
        // works when started as `dotnet HyperSearch.Web.dll` from the build folder.
        builder.WebHost.UseStaticWebAssets();
        // Kestrel's own refusals (a %00 or raw non-ASCII path, a request line over 8 KB) get a body too.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new RejectionBodyPipe(connection.Transport);
            return next(connection);
        })));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHyperSearchData(builder.Configuration);
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseMigrator>()); // first: the worker and the feed need the schema
        builder.Services.AddHyperSearchTraining(builder.Configuration);
        builder.Services.AddHyperSearchWorker(builder.Configuration);
        builder.Services.AddHyperSearchSlurm(builder.Configuration);
        builder.Services.AddHyperSearchDashboard(builder.Configuration);
        builder.Services.AddHyperSearchApi();
        builder.Services.AddHyperSearchAccountsWeb(builder.Configuration);
        return builder;
    }

    /// <summary>The live feed (one reader for all viewers) and what the pages need besides the store.</summary>
    public static IServiceCollection AddHyperSearchDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveFeedOptions>(configuration.GetSection(LiveFeedOptions.Section));
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddScoped<CircuitLiveUpdates>();
        services.AddScoped<CircuitHandler, LiveCircuitHandler>();
        services.AddScoped<ThemeState>();
        services.AddScoped<BrowserClock>();
        services.AddScoped<SearchCommands>();
        services.AddScoped<LaunchDraft>();
        services.AddSingleton(PrerenderOptions.From(configuration));
        services.AddSingleton<PrerenderGate>();
        services.AddSingleton<HyperSearch.Web.Analysis.ImportanceCache>();
        services.AddSingleton<HyperSearch.Web.Analysis.AnalysisCache>();
        services.TryAddSingleton<IWorkloadCatalog>(new StaticWorkloadCatalog());
        services.Configure<HyperSearch.Web.Notifications.NotificationOptions>(configuration.GetSection(HyperSearch.Web.Notifications.NotificationOptions.Section));
        services.AddHttpClient<HyperSearch.Web.Notifications.WebhookSender>();
        // Watching the feed costs a read per second: only when someone is to be told.
        if ((configuration.GetSection(HyperSearch.Web.Notifications.NotificationOptions.Section).Get<HyperSearch.Web.Notifications.NotificationOptions>()?.Webhooks.Length ?? 0) > 0)
            services.AddHostedService<HyperSearch.Web.Notifications.SearchNotifier>();
        return services;
    }

    public static IServiceCollection AddHyperSearchApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddScoped<ApiAccess>();
        // Binding failures (?skip=abc, a body that is not JSON) throw, so ApiErrorMiddleware answers them with the parameter named.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options =>
        {
            // NaN/±Infinity are results (a diverged trial's loss), so they must serialize.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Trial configs' decay records: the derived types come from Core's decay descriptors.
            options.SerializerOptions.TypeInfoResolver = HyperSearch.Core.Json.DecayJson.Resolver();
        });
        return services;
    }
}
