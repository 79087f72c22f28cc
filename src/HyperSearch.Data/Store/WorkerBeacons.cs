using System.Text.Json;
using HyperSearch.Core.Json;

namespace HyperSearch.Data.Store;

/// <summary>
/// Signs of life of workers that cannot write to their SQLite database (another process holds its write
/// lock past the busy timeout, the file is read-only): one small JSON file per worker in
/// "&lt;db&gt;-beacons/", beside the database, which the Queue page reads while the database cannot be
/// written. A worker writes its file while its heartbeats fail and removes it at the next heartbeat that
/// reaches the database, so the folder is empty unless there is an outage. SQLite only: its workers and
/// its dashboard share one machine (and the file is still readable when it is locked).
/// </summary>
internal static class WorkerBeacons
{
    public static void Write(string databasePath, WorkerBeacon beacon)
    {
        var folder = FolderOf(databasePath);
        Directory.CreateDirectory(folder);
        // Written in place, not by rename: a reader that catches it half-written skips it for one refresh,
        // and a full disk leaves no temporary file behind.
        File.WriteAllText(PathOf(folder, beacon.WorkerId), JsonSerializer.Serialize(beacon, HyperJson.Options));
    }

    public static void Clear(string databasePath, string workerId)
    {
        var path = PathOf(FolderOf(databasePath), workerId);
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale beacon is older than the heartbeat just written: the Queue page ignores it.
        }
    }

    /// <summary>Every readable beacon by worker id (a half-written or foreign file is skipped).</summary>
    public static IReadOnlyDictionary<string, WorkerBeacon> ReadAll(string databasePath)
    {
        var folder = FolderOf(databasePath);
        var beacons = new Dictionary<string, WorkerBeacon>();
        if (!Directory.Exists(folder)) return beacons;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<WorkerBeacon>(File.ReadAllText(file), HyperJson.Options) is { } beacon)
                    beacons[beacon.WorkerId] = beacon;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
            }
        }
        return beacons;
    }

    private static string FolderOf(string databasePath) => databasePath + "-beacons";

    // Worker ids are "<host>-<pid>-<hex>"; a host name with a path character must not leave the folder.
    private static string PathOf(string folder, string workerId) =>
        Path.Combine(folder, string.Concat(workerId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + ".json");
}
