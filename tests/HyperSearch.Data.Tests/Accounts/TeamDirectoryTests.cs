using HyperSearch.Core.Access;
using HyperSearch.Data.Accounts;
using HyperSearch.Data.Entities;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Accounts;

public sealed class TeamDirectoryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateTeam_AfterMigration_TakesTheNextIdAfterTheSeededDefault(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var teams = new TeamDirectory(database.Factory, database.Time);

        var (first, error) = await teams.CreateTeamAsync("vision");
        var (_, duplicate) = await teams.CreateTeamAsync(" vision ");
        var (_, empty) = await teams.CreateTeamAsync("  ");

        Assert.Null(error);
        Assert.Equal(DefaultTeam.Id + 1, first); // PostgreSQL's identity restarted after the seeded row
        Assert.Equal("name: a team named 'vision' exists", duplicate);
        Assert.Equal("name: must not be empty", empty);
        Assert.Equal([DefaultTeam.Name, "vision"], (await teams.ListAsync()).Select(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Actor_MemberOfTwoTeams_CarriesEachRole(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Users.Add(new UserEntity { Id = "u-1", UserName = "ann", NormalizedUserName = "ANN" });
            await db.SaveChangesAsync();
        }
        var teams = new TeamDirectory(database.Factory, database.Time);
        var (vision, _) = await teams.CreateTeamAsync("vision");

        Assert.Null(await teams.SetMemberAsync("vision", "ann", TeamRole.Member));
        Assert.Null(await teams.SetMemberAsync("vision", "Ann", TeamRole.Lead)); // a second call changes the role
        Assert.Null(await teams.SetMemberAsync(DefaultTeam.Name, "ann", TeamRole.Viewer));
        Assert.Equal("user: no account named 'bob'", await teams.SetMemberAsync("vision", "bob", TeamRole.Member));
        Assert.Equal("team: no team named 'nlp'", await teams.SetMemberAsync("nlp", "ann", TeamRole.Member));

        var actor = await teams.ActorAsync("u-1", canWrite: true);
        Assert.NotNull(actor);
        Assert.Equal(TeamRole.Lead, actor.RoleIn(vision!.Value));
        Assert.Equal(TeamRole.Viewer, actor.RoleIn(DefaultTeam.Id));
        Assert.Null(await teams.ActorAsync("gone", canWrite: true));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JoinTeams_SingleSignOnClaim_AddsKeepsRolesCreatesOrIgnoresUnknownAndLeavesOnlyWhenAsked(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Users.Add(new UserEntity { Id = "u-1", UserName = "ann", NormalizedUserName = "ANN" });
            await db.SaveChangesAsync();
        }
        var teams = new TeamDirectory(database.Factory, database.Time);
        var (vision, _) = await teams.CreateTeamAsync("vision");
        var (speech, _) = await teams.CreateTeamAsync("speech");
        Assert.Null(await teams.SetMemberAsync("speech", "ann", TeamRole.Lead)); // by hand, before any sign-in

        var first = await teams.JoinTeamsAsync("u-1", ["vision", "speech", "nlp", " vision "], TeamRole.Member, createUnknown: false, removeUnlisted: false);
        var created = await teams.JoinTeamsAsync("u-1", ["nlp"], TeamRole.Viewer, createUnknown: true, removeUnlisted: false);
        var additive = await teams.JoinTeamsAsync("u-1", ["vision"], TeamRole.Member, createUnknown: false, removeUnlisted: false);
        var afterAdditive = (await teams.ActorAsync("u-1", canWrite: true))!;
        var authoritative = await teams.JoinTeamsAsync("u-1", ["vision"], TeamRole.Member, createUnknown: false, removeUnlisted: true);
        var actor = (await teams.ActorAsync("u-1", canWrite: true))!;

        Assert.Equal(["vision"], first.Joined); // already in speech: its lead role stays
        Assert.Equal(["nlp"], first.Ignored);
        Assert.Equal(["nlp"], created.Created);
        Assert.Equal(["nlp"], created.Joined);
        Assert.Empty(additive.Left);
        Assert.Equal(TeamRole.Lead, afterAdditive.RoleIn(speech!.Value));
        Assert.Equal(["nlp", "speech"], authoritative.Left.Order());
        Assert.Equal([vision!.Value], actor.Teams.Keys);
        Assert.Equal(TeamRole.Member, actor.RoleIn(vision.Value));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Token_StoredHashedExpiresAndRevokes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Users.Add(new UserEntity { Id = "u-1", UserName = "ann", NormalizedUserName = "ANN" });
            await db.SaveChangesAsync();
        }
        var tokens = new ApiTokens(database.Factory, database.Time);

        var (token, error) = await tokens.CreateAsync("u-1", "ci", TokenScope.Read, days: 2);
        Assert.Null(error);
        Assert.StartsWith(ApiTokens.Prefix, token);
        await using (var db = await database.Factory.CreateDbContextAsync())
            Assert.DoesNotContain(db.ApiTokens, t => t.Hash.Contains(token![ApiTokens.Prefix.Length..]));
        Assert.Equal(new TokenCheck(TokenCheckResult.Valid, "u-1", TokenScope.Read), await tokens.CheckAsync(token!));
        Assert.Equal(TokenCheckResult.Unknown, (await tokens.CheckAsync(token + "x")).Result);
        Assert.Equal("days: must be between 1 and 366", (await tokens.CreateAsync("u-1", "x", TokenScope.Read, 0)).Error);

        database.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(TokenCheckResult.Expired, (await tokens.CheckAsync(token!)).Result);

        var id = (await tokens.ListAsync("u-1")).Single().Id;
        Assert.False(await tokens.RevokeAsync("someone-else", id));
        Assert.True(await tokens.RevokeAsync("u-1", id));
        Assert.Equal(TokenCheckResult.Unknown, (await tokens.CheckAsync(token!)).Result);
    }
}
