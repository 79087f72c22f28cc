using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// Safe by default: once the server listens, says whether it is in open loopback mode, and stops it
/// when it listens beyond loopback while no account exists (anyone on the network would be admin).
/// </summary>
public sealed class LoopbackGuard(IServer server, IHostApplicationLifetime lifetime, AccountMode mode, ILogger<LoopbackGuard> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = CheckAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CheckAsync()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (await mode.IsEnabledAsync())
        {
            logger.LogInformation("Accounts exist: pages need a sign-in, the API a token (docs/teams.md).");
            return;
        }
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            logger.LogWarning("No account exists: open mode, listening on loopback only ({Addresses}); everyone who can reach it is admin. " +
                              "Create the first account with `hypersearch user add --admin <name>` to serve other machines.", string.Join(", ", addresses));
            return;
        }
        logger.LogCritical("Refusing to listen on {Addresses} without accounts: anyone on the network would control every search. " +
                           "Create the first account with `hypersearch user add --admin <name>`, or listen on 127.0.0.1.", string.Join(", ", exposed));
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    /// <summary>http://127.0.0.1:5180, http://[::1]:5180 and http://localhost:5180 are loopback; 0.0.0.0, [::], * and + are not.</summary>
    public static bool IsLoopback(string address)
    {
        if (!BindingAddress.TryParse(address, out var binding)) return false;
        return binding.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
