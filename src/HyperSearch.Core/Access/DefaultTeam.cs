namespace HyperSearch.Core.Access;

/// <summary>
/// The team every search made before teams existed moved to (by the Accounts migration), and the
/// team of searches launched while no account exists.
/// </summary>
public static class DefaultTeam
{
    public const long Id = 1;
    public const string Name = "default";
}
