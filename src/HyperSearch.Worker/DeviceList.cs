using HyperSearch.Core.Searches.Queue;

namespace HyperSearch.Worker;

/// <summary>
/// Parses <c>--devices</c>: comma-separated <c>cpu[:slots]</c> and <c>cuda:N[:slots]</c>
/// (e.g. <c>cpu:2,cuda:0:1,cuda:1</c>); slots default to 1.
/// </summary>
public static class DeviceList
{
    public static (IReadOnlyList<DeviceSlots> Devices, string? Error) Parse(string text)
    {
        var devices = new List<DeviceSlots>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(':');
            string device;
            string? slotsText;
            if (parts[0] == "cpu" && parts.Length <= 2)
            {
                device = "cpu";
                slotsText = parts.Length == 2 ? parts[1] : null;
            }
            else if (parts[0] == "cuda" && parts.Length is 2 or 3 && int.TryParse(parts[1], out var index) && index >= 0)
            {
                device = $"cuda:{index}";
                slotsText = parts.Length == 3 ? parts[2] : null;
            }
            else
            {
                return ([], $"'{raw}' is not a device (use cpu[:slots] or cuda:N[:slots], e.g. cpu:2,cuda:0:1)");
            }
            var slots = 1;
            if (slotsText is not null && (!int.TryParse(slotsText, out slots) || slots < 1 || slots > 256))
                return ([], $"'{raw}': slots must be a whole number from 1 to 256");
            if (devices.Any(d => d.Device == device))
                return ([], $"'{device}' is listed twice");
            devices.Add(new DeviceSlots(device, slots));
        }
        return devices.Count == 0 ? ([], "no device given (e.g. cpu:2)") : (devices, null);
    }
}
