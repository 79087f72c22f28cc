using HyperSearch.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
// A mistyped setting is one line naming its key and exit code 2 (as the CLI's invalid input), not a stack trace.
if (SettingsCheck.Problems(builder.Configuration) is { Count: > 0 } problems)
{
    foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
    return 2;
}
builder.AddHyperSearchWeb();

var app = builder.Build();
app.MapHyperSearch();
// Before the host starts, so an unusable database is one log line and exit code 1 (docs/reliability.md),
// and so is an address beyond loopback without accounts (docs/teams.md): not one request is answered there.
if (!await app.Services.GetRequiredService<DatabaseMigrator>().TryMigrateAsync()
    || !await app.Services.GetRequiredService<HyperSearch.Web.Accounts.LoopbackGuard>().AllowsStartAsync())
{
    // The console logger writes from a background queue; disposing the host flushes it, or the one line
    // can be lost when Main returns first (seen in CI: exit code 1 with empty output).
    await app.DisposeAsync();
    return 1;
}
app.Run();
return Environment.ExitCode; // 1 when LoopbackGuard stopped a server it found listening beyond loopback

// Lets WebApplicationFactory<Program> find the entry point in tests.
public partial class Program;
