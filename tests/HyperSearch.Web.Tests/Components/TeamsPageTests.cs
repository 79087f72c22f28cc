using Bunit;
using HyperSearch.Core.Access;
using HyperSearch.Data;
using HyperSearch.Data.Accounts;
using HyperSearch.Web.Components.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HyperSearch.Web.Tests.Components;

/// <summary>The Teams page's weight and caps form over a real SQLite file.</summary>
public sealed class TeamsPageTests : DashboardTestContext
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"hypersearch-teams-page-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider data;

    public TeamsPageTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:ConnectionString"] = $"Data Source={file}",
        }).Build();
        data = new ServiceCollection().AddHyperSearchData(configuration).BuildServiceProvider();
        data.MigrateHyperSearchDatabaseAsync().GetAwaiter().GetResult();
        Services.AddSingleton(new TeamDirectory(data.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>(), TimeProvider.System));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        data.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*")) File.Delete(f);
    }

    private static async Task SetQuotaAsync(IRenderedComponent<Teams> cut, string team, string weight, string cpu)
    {
        // The page's second team select is the quota form's (the first is the member form's).
        var select = cut.FindComponents<MudSelect<string>>()[1];
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(team));
        cut.Find("#quota-weight input").Change(weight);
        cut.Find("#quota-cpu input").Change(cpu);
        cut.Find("#set-quota").Click();
    }

    [Fact]
    public async Task SetQuota_Admin_TableShowsItAndTheAuditLogHasIt()
    {
        var cut = Render<Teams>();

        await SetQuotaAsync(cut, DefaultTeam.Name, "2", "4");

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-team='default'] .hs-weight").TextContent));
        Assert.Equal("4", cut.Find("[data-team='default'] .hs-cap-cpu").TextContent);
        Assert.Equal("–", cut.Find("[data-team='default'] .hs-cap-cuda").TextContent);
        Assert.Equal(["local quota  default: weight 2, cpu 4, cuda no cap"], Audit.Entries); // no search: two spaces
    }

    [Fact]
    public async Task SetQuota_WeightZero_FieldNamedNothingWrittenOrLogged()
    {
        var cut = Render<Teams>();

        await SetQuotaAsync(cut, DefaultTeam.Name, "0", "");

        cut.WaitForAssertion(() => Assert.Equal("weight: must be between 1 and 1000", cut.Find("#teams-message").TextContent.Trim()));
        Assert.Equal("1", cut.Find("[data-team='default'] .hs-weight").TextContent);
        Assert.Empty(Audit.Entries);
    }

    [Theory]
    [InlineData("abc", "4", "Weight: not a valid number")]
    [InlineData("2", "four", "CPU slot cap: not a valid number")] // an unreadable cap read as empty, "no cap", before
    public async Task SetQuota_TextThatIsNotANumber_RefusedNamingTheBoxNothingWrittenOrLogged(string weight, string cpu, string message)
    {
        var cut = Render<Teams>();

        await SetQuotaAsync(cut, DefaultTeam.Name, weight, cpu);

        cut.WaitForAssertion(() => Assert.Equal(message, cut.Find("#teams-message").TextContent.Trim()));
        Assert.Equal("1", cut.Find("[data-team='default'] .hs-weight").TextContent);
        Assert.Equal("–", cut.Find("[data-team='default'] .hs-cap-cpu").TextContent);
        Assert.Empty(Audit.Entries);
    }

    [Fact]
    public void Render_NotAnAdmin_NoQuotaForm()
    {
        Actor.Actor = new Actor("u1", "lee", false, new Dictionary<long, TeamRole> { [DefaultTeam.Id] = TeamRole.Lead });

        var cut = Render<Teams>();

        Assert.Empty(cut.FindAll("#set-quota"));
        Assert.Equal("1", cut.Find("[data-team='default'] .hs-weight").TextContent);
    }
}
