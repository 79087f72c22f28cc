using HyperSearch.Core.Settings;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// <c>HyperSearch:Accounts:ReadIsolation</c>: whether a signed-in account sees only the searches of
/// its own teams (<c>teams</c>, the default; admins see all) — pages, API, exports and checkpoints
/// alike — or every team's (<c>off</c>: one organisation that shares all results). Open loopback mode
/// (no account) is unaffected: its one user is admin.
/// </summary>
public sealed record ReadIsolation(bool Enabled)
{
    public const string Section = "HyperSearch:Accounts";
    public const string Key = "ReadIsolation";

    public static ReadIsolation From(IConfiguration configuration)
    {
        var reader = new SettingsReader(Section, name => configuration[$"{Section}:{name}"]);
        var isolation = reader.Text(Key) switch
        {
            null or "teams" => new ReadIsolation(true),
            "off" => new ReadIsolation(false),
            var other => Invalid(reader, other),
        };
        reader.ThrowIfAny();
        return isolation;
    }

    private static ReadIsolation Invalid(SettingsReader reader, string value)
    {
        reader.Add(Key, $"must be teams or off; got '{value}'");
        return new ReadIsolation(true);
    }
}
