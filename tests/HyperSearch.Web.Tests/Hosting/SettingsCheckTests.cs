using HyperSearch.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Web.Tests.Hosting;

public class SettingsCheckTests
{
    private static IReadOnlyList<string> Check(params (string Key, string Value)[] settings) =>
        SettingsCheck.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Defaults_NoProblems() => Assert.Empty(Check());

    [Fact]
    public void Database_UnknownProvider_NamesTheKeyAndTheValue() =>
        Assert.Equal(["HyperSearch:Database:Provider: unknown provider 'mysql' (use sqlite or postgres)"], Check(("HyperSearch:Database:Provider", "mysql")));

    [Fact]
    public void Database_ConnectionStringWithUnknownKeyword_NamesTheKeyAndTheKeyword() =>
        Assert.Equal(["HyperSearch:Database:ConnectionString: 'hostx' is not a connection-string keyword of this provider"],
            Check(("HyperSearch:Database:Provider", "postgres"), ("HyperSearch:Database:ConnectionString", "Hostx=db")));

    [Fact]
    public void ReadIsolation_Mistyped_NamesTheKeyNotTheDefault() =>
        Assert.Equal(["HyperSearch:Accounts:ReadIsolation: must be teams or off; got 'of'"], Check(("HyperSearch:Accounts:ReadIsolation", "of")));

    [Fact]
    public void WorkerQueueCheckpointsAndLiveFeed_Mistyped_EachNamed()
    {
        var problems = Check(("HyperSearch:Worker:LeaseSeconds", "3O"), ("HyperSearch:Worker:Devices", "gpu:9"),
            ("HyperSearch:Worker:PollMilliseconds", "-1"), ("HyperSearch:Checkpoints:EveryEpochs", "0"),
            ("HyperSearch:Dashboard:LiveFeedMilliseconds", "fast"));

        Assert.Equal(5, problems.Count);
        Assert.Contains("HyperSearch:Worker:LeaseSeconds: must be a number > 0; got '3O'", problems);
        Assert.Contains(problems, p => p.StartsWith("HyperSearch:Worker:Devices: ", StringComparison.Ordinal) && p.Contains("gpu:9"));
        Assert.Contains("HyperSearch:Worker:PollMilliseconds: must be a number > 0; got '-1'", problems);
        Assert.Contains("HyperSearch:Checkpoints:EveryEpochs: must be a whole number > 0; got '0'", problems);
        Assert.Contains("HyperSearch:Dashboard:LiveFeedMilliseconds: must be a whole number > 0; got 'fast'", problems);
    }

    [Fact]
    public void KnownProxies_OneNotAnAddress_NamesTheKeyAndTheValue()
    {
        var problems = Check(("HyperSearch:ForwardedHeaders:KnownProxies:0", "10.0.0.5"), ("HyperSearch:ForwardedHeaders:KnownProxies:1", "proxy.local"));

        Assert.Equal(["HyperSearch:ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address"], problems);
    }

    [Fact]
    public void Sso_UnknownRole_TheBindersMessageNamesKeyAndValue()
    {
        var problem = Assert.Single(Check(("HyperSearch:Sso:Authority", "https://id.example.com"), ("HyperSearch:Sso:ClientId", "hs"), ("HyperSearch:Sso:Role", "boss")));

        Assert.Contains("HyperSearch:Sso:Role", problem);
        Assert.Contains("boss", problem);
    }

    [Fact]
    public void Sso_AuthorityNotAUrlAndNoClientId_BothNamed()
    {
        var problems = Check(("HyperSearch:Sso:Authority", "id.example.com"));

        Assert.Equal(2, problems.Count);
        Assert.Contains("HyperSearch:Sso:Authority: 'id.example.com' is not an http(s) URL", problems);
        Assert.Contains("HyperSearch:Sso:ClientId: is required when HyperSearch:Sso:Authority is set", problems);
    }

    [Fact]
    public void Sso_PlainHttpAuthority_OnlyWithRequireHttpsMetadataOff()
    {
        var http = ("HyperSearch:Sso:Authority", "http://127.0.0.1:5001/");
        var client = ("HyperSearch:Sso:ClientId", "hs");

        Assert.Contains("RequireHttpsMetadata", Assert.Single(Check(http, client)));
        Assert.Empty(Check(http, client, ("HyperSearch:Sso:RequireHttpsMetadata", "false")));
        Assert.Empty(Check(("HyperSearch:Sso:Authority", "https://id.example.com/realms/team"), client));
    }

    [Fact]
    public void Notifications_Mistyped_EachNamed()
    {
        var problems = Check(("HyperSearch:Notifications:Webhooks:0", "hooks.example.org/x"), ("HyperSearch:Notifications:Webhooks:1", "https://ok.example.org/x"),
            ("HyperSearch:Notifications:Attempts", "0"), ("HyperSearch:Notifications:TimeoutSeconds", "0"));

        Assert.Equal(
        [
            "HyperSearch:Notifications:Webhooks:0: 'hooks.example.org/x' is not an http(s) URL",
            "HyperSearch:Notifications:Attempts: must be from 1 to 20; got 0",
            "HyperSearch:Notifications:TimeoutSeconds: must be more than 0 and at most 300; got 0",
        ], problems);
    }

    [Fact]
    public void Notifications_NotANumber_TheBindersMessageNamesIt()
    {
        var problem = Assert.Single(Check(("HyperSearch:Notifications:Attempts", "five")));

        Assert.Contains("Attempts", problem);
    }
}
