using System.Security.Claims;
using HyperSearch.Web.Accounts.Sso;

namespace HyperSearch.Web.Tests.Accounts;

public class SsoClaimsTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Theory]
    [InlineData("preferred_username", "ann.lee", "ann.lee")]
    [InlineData("name", "Ann Lee", "Ann-Lee")]
    [InlineData("email", "ann@example.org", "ann")]
    [InlineData("sub", "x", "sso-user")]
    [InlineData("name", "  ***  ", "sso-user")]
    public void UserNameOf_FirstUsableClaim_InIdentitysCharacters(string type, string value, string expected) =>
        Assert.Equal(expected, SsoSignIn.UserNameOf(Principal((type, value))));

    [Fact]
    public void TeamNames_OneClaimPerTeamOrAJsonArray_AllValues()
    {
        var principal = Principal(("groups", "vision"), ("groups", """["speech","nlp"]"""), ("roles", "admin"));

        Assert.Equal(["vision", "speech", "nlp"], SsoSignIn.TeamNames(principal, "groups"));
    }
}
