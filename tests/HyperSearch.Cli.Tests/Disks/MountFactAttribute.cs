namespace HyperSearch.Cli.Tests.Disks;

/// <summary>
/// A fact that mounts a small file system of its own (a real full or read-only disk): it needs Linux and
/// CAP_SYS_ADMIN (root, as scripts/test.sh runs); skipped, with the reason shown, elsewhere.
/// </summary>
public sealed class MountFactAttribute : FactAttribute
{
    private const int CapSysAdmin = 21;

    public MountFactAttribute()
    {
        if (!CanMount())
            Skip = "mounting a test file system needs Linux and CAP_SYS_ADMIN (run as root, as scripts/test.sh does)";
    }

    private static bool CanMount()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var effective = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return effective is not null && (Convert.ToUInt64(effective["CapEff:".Length..].Trim(), 16) & (1UL << CapSysAdmin)) != 0;
    }
}
