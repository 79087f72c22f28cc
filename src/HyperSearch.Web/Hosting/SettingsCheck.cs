using System.Net;
using HyperSearch.Core.Settings;
using HyperSearch.Data;
using HyperSearch.Training;
using HyperSearch.Web.Accounts.Sso;
using HyperSearch.Web.Live;
using HyperSearch.Worker;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// Settings that a typo would otherwise turn into a host stack trace at start-up (a proxy address, an
/// unknown SSO role, the database, a device list), into a silent default (a lease, a poll interval), into
/// an error in the first page that reads it (a live-feed interval) or into a 500 at the first sign-in (an
/// SSO authority that is not a URL, a missing client id). Program.cs checks them before building the
/// host; each problem is one line naming the key.
/// </summary>
public static class SettingsCheck
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        if (DatabaseSettings.Problem(configuration) is { } database) problems.Add(database);
        problems.AddRange(SettingsException.Of(() => QueueSettings.From(configuration)));
        problems.AddRange(SettingsException.Of(() => WorkerOptions.From(configuration)));
        problems.AddRange(TrainingConfiguration.Problems(configuration));
        problems.AddRange(LiveFeedOptions.Problems(configuration));
        problems.AddRange(SettingsException.Of(() => HyperSearch.Web.Accounts.ReadIsolation.From(configuration)));
        problems.AddRange(SettingsException.Of(() => PrerenderOptions.From(configuration)));
        problems.AddRange(Notifications.NotificationOptions.Problems(configuration));
        foreach (var proxy in configuration.GetSection(ForwardedHeadersSetup.KnownProxiesKey).Get<string[]>() ?? [])
        {
            if (!IPAddress.TryParse(proxy, out _)) problems.Add($"{ForwardedHeadersSetup.KnownProxiesKey}: '{proxy}' is not an IP address");
        }

        SsoOptions sso;
        try
        {
            sso = configuration.GetSection(SsoOptions.Section).Get<SsoOptions>() ?? new SsoOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the key and the value, e.g. Role 'boss'.
            problems.Add(e.Message);
            return problems;
        }

        if (!sso.Enabled) return problems;
        if (!Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            problems.Add($"{SsoOptions.Section}:Authority: '{sso.Authority}' is not an http(s) URL");
        }
        else if (authority.Scheme == "http" && sso.RequireHttpsMetadata)
        {
            problems.Add($"{SsoOptions.Section}:Authority: '{sso.Authority}' is plain http while {SsoOptions.Section}:RequireHttpsMetadata is true (set it to false only for a provider on this machine)");
        }

        if (string.IsNullOrWhiteSpace(sso.ClientId)) problems.Add($"{SsoOptions.Section}:ClientId: is required when {SsoOptions.Section}:Authority is set");
        return problems;
    }
}
