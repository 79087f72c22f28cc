using HyperSearch.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHyperSearchWeb();

var app = builder.Build();
app.MapHyperSearch();
// Before the host starts, so an unusable database is one log line and exit code 1 (docs/reliability.md).
if (!await app.Services.GetRequiredService<DatabaseMigrator>().TryMigrateAsync()) return 1;
app.Run();
return 0;

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
