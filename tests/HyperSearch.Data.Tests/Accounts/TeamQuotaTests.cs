using HyperSearch.Core.Access;
using HyperSearch.Core.FairShare;
using HyperSearch.Data.Accounts;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Accounts;

public sealed class TeamQuotaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetQuota_ValidThenCleared_ListedWithTheTeam_NewAndMigratedTeamsWeighOne(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var teams = new TeamDirectory(database.Factory, database.Time);
        await teams.CreateTeamAsync("vision");

        var fresh = (await teams.ListAsync()).Select(t => t.Quota).ToList();
        var set = await teams.SetQuotaAsync("vision", new TeamQuota(2, CpuSlots: 4, CudaSlots: 0));
        var afterSet = (await teams.ListAsync()).Single(t => t.Name == "vision").Quota;
        await teams.SetQuotaAsync("vision", new TeamQuota(3));
        var afterClear = (await teams.ListAsync()).Single(t => t.Name == "vision").Quota;

        Assert.Equal([TeamQuota.Default, TeamQuota.Default], fresh);
        Assert.Empty(set);
        Assert.Equal(new TeamQuota(2, 4, 0), afterSet);
        Assert.Equal(new TeamQuota(3), afterClear);
        Assert.Equal("weight 3, cpu no cap, cuda no cap", afterClear.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SetQuota_BadValuesOrUnknownTeam_EveryFieldNamedNothingWritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var teams = new TeamDirectory(database.Factory, database.Time);

        var bad = await teams.SetQuotaAsync(DefaultTeam.Name, new TeamQuota(0, CpuSlots: -1, CudaSlots: TeamQuota.MaxSlots + 1));
        var unknown = await teams.SetQuotaAsync("nobody", new TeamQuota(2));

        Assert.Equal(["weight: must be between 1 and 1000", "cpu: must be between 0 and 10000, or empty for no cap",
            "cuda: must be between 0 and 10000, or empty for no cap"], bad);
        Assert.Equal(["team: no team named 'nobody'"], unknown);
        Assert.Equal(TeamQuota.Default, (await teams.ListAsync()).Single().Quota);
    }
}
