using HyperSearch.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHyperSearchWeb();

var app = builder.Build();
app.MapHyperSearch();
// Before the host starts, so an unusable database is one log line and exit code 1 (docs/reliability.md).
if (!await app.Services.GetRequiredService<DatabaseMigrator>().TryMigrateAsync())
{
    // The console logger writes from a background queue; disposing the host flushes it, or the one line
    // can be lost when Main returns first (seen in CI: exit code 1 with empty output).
    await app.DisposeAsync();
    return 1;
}
app.Run();
return 0;

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
