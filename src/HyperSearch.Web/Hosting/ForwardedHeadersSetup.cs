using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HyperSearch.Web.Hosting;

public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "HyperSearch:ForwardedHeaders:KnownProxies";

    /// <summary>
    /// X-Forwarded-For/-Proto from the reverse proxies listed in `HyperSearch:ForwardedHeaders:KnownProxies`
    /// only (docs/teams.md), first in the pipeline, so the login rate limit partitions by the client's
    /// address and sign-in redirects are built with https. Unlike ASPNETCORE_FORWARDEDHEADERS_ENABLED
    /// (which trusts every sender), the server may then also listen where others reach it.
    /// </summary>
    public static WebApplication UseHyperSearchForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [];
        if (proxies.Length == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear(); // only the listed proxies: the defaults trust every loopback sender
        // Program.cs has already refused a bad address by name (SettingsCheck), before the host was built.
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }
}
