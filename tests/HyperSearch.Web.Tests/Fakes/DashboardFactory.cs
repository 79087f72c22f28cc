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
    private readonly string database = Path.Combine(Path.GetTempPath(), $"hypersearch-webtests-{Guid.NewGuid():N}.db");

    public FakeTrialStore Store { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(database) + "*")) File.Delete(file);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HyperSearch:Worker:Embedded", "false");
        // The migrator still runs at start; keep its database out of the repository.
        builder.UseSetting("HyperSearch:Database:ConnectionString", $"Data Source={database}");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITrialStore>();
            services.AddSingleton<ITrialStore>(Store);
        });
    }
}
