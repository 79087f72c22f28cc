using System.Globalization;

namespace HyperSearch.Web.Components.Shared;

/// <summary>
/// The browser's time zone for this circuit (the layout reads it once). Until it is known (the
/// prerendered first paint) times are shown in UTC and say so.
/// </summary>
public sealed class BrowserClock
{
    public sealed record Zone(int OffsetMinutes, string Name);

    private Zone? zone;

    public event Action? Changed;

    public void Set(Zone value)
    {
        zone = value;
        Changed?.Invoke();
    }

    /// <summary>"2026-11-26 10:14:03" in the browser's zone plus its name, or UTC before it is known.</summary>
    public (string Text, string Zone) Local(DateTimeOffset at)
    {
        if (zone is null) return (at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), "UTC");
        var local = at.ToOffset(TimeSpan.FromMinutes(zone.OffsetMinutes));
        var name = zone.Name.Length > 0 ? zone.Name : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return (local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), name);
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
