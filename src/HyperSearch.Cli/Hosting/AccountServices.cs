using HyperSearch.Data.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary>Services of the account commands (user, team): the store and Identity, no trainer or worker.</summary>
public static class AccountServices
{
    public static Task<ServiceProvider> CreateAsync(IConfiguration configuration, CancellationToken cancellationToken) =>
        CliServices.CreateAsync(configuration, services => services.AddHyperSearchAccounts(), cancellationToken);
}
