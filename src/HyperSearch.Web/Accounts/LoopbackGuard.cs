using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Safe by default: without any account (open mode: whoever reaches the server is admin) the server
/// listens on loopback only. <see cref="AllowsStartAsync"/> runs before the server listens (Program.cs)
/// and refuses a configured address beyond loopback, so not one request is answered there; once
/// started, the addresses the server really bound are checked again (a host configured in a way the
/// first check does not read), and a server found exposed stops with exit code 1.
/// </summary>
public sealed class LoopbackGuard(IServer server, IHostApplicationLifetime lifetime, IConfiguration configuration, AccountMode mode, ILogger<LoopbackGuard> logger)
    : IHostedService
{
    /// <summary>True when accounts exist or every configured address is loopback; else logs why and returns false.</summary>
    public async Task<bool> AllowsStartAsync(CancellationToken cancellationToken = default)
    {
        if (await mode.IsEnabledAsync(cancellationToken))
        {
            logger.LogInformation("Accounts exist: pages need a sign-in, the API a token (docs/teams.md).");
            return true;
        }
        var addresses = ConfiguredAddresses(configuration);
        if (Refused(addresses)) return false;
        logger.LogWarning("No account exists: open mode, listening on loopback only ({Addresses}); everyone who can reach it is admin. " +
                          "Create the first account with `hypersearch user add --admin <name>` to serve other machines.", string.Join(", ", addresses));
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = CheckBoundAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckBoundAsync()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (await mode.IsEnabledAsync() || !Refused(bound)) return;
        Environment.ExitCode = 1; // Program.cs returns it
        lifetime.StopApplication();
    }

    private bool Refused(IEnumerable<string> addresses)
    {
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0) return false;
        logger.LogCritical("Refusing to listen on {Addresses} without accounts: anyone on the network would control every search. " +
                           "Create the first account with `hypersearch user add --admin <name>`, or listen on 127.0.0.1.", string.Join(", ", exposed));
        return true;
    }

    /// <summary>
    /// Where Kestrel will listen, from the same settings it reads: <c>urls</c> (<c>--urls</c>,
    /// <c>ASPNETCORE_URLS</c>, appsettings' <c>Urls</c>), <c>http_ports</c>/<c>https_ports</c> (every
    /// interface) and <c>Kestrel:Endpoints:*:Url</c>; none of them: Kestrel's default, localhost.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredAddresses(IConfiguration configuration)
    {
        static IEnumerable<string> Split(string? value) => (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = Split(configuration["urls"])
            .Concat(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"))
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        return addresses.Count > 0 ? addresses : ["http://localhost:5000"];
    }

    /// <summary>http://127.0.0.1:5180, http://[::1]:5180 and http://localhost:5180 are loopback; 0.0.0.0, [::], * and + are not.</summary>
    public static bool IsLoopback(string address)
    {
        if (!BindingAddress.TryParse(address, out var binding)) return false;
        return binding.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
