namespace HyperSearch.Core.FairShare;

/// <summary>
/// The kinds of device a team's slot cap applies to: the part of a device name before ':'
/// (<c>cpu</c>, <c>cuda:0</c> → <c>cuda</c>), as workers advertise them.
/// </summary>
public static class DeviceKind
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";

    public static IReadOnlyList<string> All { get; } = [Cpu, Cuda];

    public static string Of(string device)
    {
        var colon = device.IndexOf(':');
        return colon < 0 ? device : device[..colon];
    }
}
