using System.Globalization;
using System.Text.RegularExpressions;
using HyperSearch.Core.Training;

namespace HyperSearch.Training.Checkpoints;

/// <summary>
/// Checkpoint files on disk, one per key (<c>trial-42</c>). Writes go to a temporary file that is then
/// renamed over the old one, so a worker killed mid-write leaves the previous checkpoint intact.
/// Safe to share between processes and machines (a network folder): every write is one rename.
/// </summary>
public sealed partial class CheckpointStore : ICheckpointStore
{
    public const string Extension = ".ckpt";

    public CheckpointStore(CheckpointOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EveryEpochs, 1, "HyperSearch:Checkpoints:EveryEpochs");
        Directory = Path.GetFullPath(options.Directory);
        EveryEpochs = options.EveryEpochs;
    }

    public string Directory { get; }

    public int EveryEpochs { get; }

    public string PathOf(string key) =>
        KeyPattern().IsMatch(key) ? Path.Combine(Directory, key + Extension) : throw new ArgumentException($"bad checkpoint key '{key}'", nameof(key));

    public void Write(string key, byte[] bytes)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A full or read-only disk: leave no partial file behind (the old checkpoint stays).
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The checkpoint's bytes, or null when there is none.</summary>
    public byte[]? TryRead(string key)
    {
        try
        {
            return File.ReadAllBytes(PathOf(key));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public bool Exists(string key) => File.Exists(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    // A one-line file per search naming the trial whose checkpoint is kept; written by rename like the checkpoints.
    public long? SwapKept(long searchId, long trialId)
    {
        var marker = Path.Combine(Directory, $"search-{searchId}.kept");
        long? previous = File.Exists(marker) && long.TryParse(File.ReadAllText(marker).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = $"{marker}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, trialId.ToString(CultureInfo.InvariantCulture));
            File.Move(temporary, marker, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        return previous;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex KeyPattern();
}
