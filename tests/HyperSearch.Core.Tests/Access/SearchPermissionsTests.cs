using HyperSearch.Core.Access;

namespace HyperSearch.Core.Tests.Access;

public class SearchPermissionsTests
{
    private const long Alpha = 2, Beta = 3;

    private static Actor In(TeamRole role, string id = "u1", bool canWrite = true) =>
        new(id, id, IsAdmin: false, new Dictionary<long, TeamRole> { [Alpha] = role }, canWrite);

    [Theory]
    [InlineData(TeamRole.Viewer, false)]
    [InlineData(TeamRole.Member, true)]
    [InlineData(TeamRole.Lead, true)]
    public void CanLaunch_RoleInTeam_MemberOrAbove(TeamRole role, bool expected)
    {
        Assert.Equal(expected, SearchPermissions.CanLaunch(In(role), Alpha));
        Assert.False(SearchPermissions.CanLaunch(In(role), Beta));
    }

    [Fact]
    public void CanManage_Member_OnlyTheirOwnSearches()
    {
        Assert.True(SearchPermissions.CanManage(In(TeamRole.Member), Alpha, "u1"));
        Assert.False(SearchPermissions.CanManage(In(TeamRole.Member), Alpha, "u2"));
        Assert.False(SearchPermissions.CanManage(In(TeamRole.Member), Alpha, null)); // legacy search: no launcher, leads only
    }

    [Fact]
    public void CanManage_Lead_EverySearchOfTheTeamButNoneOutside()
    {
        Assert.True(SearchPermissions.CanManage(In(TeamRole.Lead), Alpha, "u2"));
        Assert.True(SearchPermissions.CanManage(In(TeamRole.Lead), Alpha, null));
        Assert.False(SearchPermissions.CanManage(In(TeamRole.Lead), Beta, "u1"));
        Assert.False(SearchPermissions.CanManage(In(TeamRole.Viewer), Alpha, "u1"));
    }

    [Fact]
    public void CanSetPriority_LeadsAndAdminsOnly()
    {
        Assert.True(SearchPermissions.CanSetPriority(In(TeamRole.Lead), Alpha));
        Assert.False(SearchPermissions.CanSetPriority(In(TeamRole.Member), Alpha));
        Assert.True(SearchPermissions.CanSetPriority(new Actor("a", "a", IsAdmin: true, new Dictionary<long, TeamRole>()), Beta));
    }

    [Fact]
    public void Everything_ReadOnlyRequest_MayNotWriteEvenAsAdmin()
    {
        var admin = new Actor("a", "a", IsAdmin: true, new Dictionary<long, TeamRole>(), CanWrite: false);

        Assert.False(SearchPermissions.CanLaunch(admin, Alpha));
        Assert.False(SearchPermissions.CanManage(admin, Alpha, "a"));
        Assert.False(SearchPermissions.CanSetPriority(admin, Alpha));
        Assert.False(SearchPermissions.CanAdminister(admin));
        Assert.False(SearchPermissions.CanManage(In(TeamRole.Lead, canWrite: false), Alpha, "u1"));
    }
}
