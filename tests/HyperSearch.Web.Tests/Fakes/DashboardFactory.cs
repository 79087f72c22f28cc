using HyperSearch.Core.Searches;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>The real web app with the in-memory store in place of the database (and no embedded worker).</summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    public FakeTrialStore Store { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HyperSearch:Worker:Embedded", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITrialStore>();
            services.AddSingleton<ITrialStore>(Store);
        });
    }
}
