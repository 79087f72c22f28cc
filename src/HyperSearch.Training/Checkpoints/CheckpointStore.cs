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

    public string PathOf(string key) => Path.Combine(Directory, CheckedKey(key) + Extension);

    /// <summary>
    /// The folder a command workload's run keeps under the key (its program's own checkpoint files and the
    /// worker's notes, Command/TrialFolder); <see cref="Delete"/> removes it with the file.
    /// </summary>
    public string FolderOf(string key) => Path.Combine(Directory, CheckedKey(key));

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

    public void Delete(string key)
    {
        File.Delete(PathOf(key));
        if (System.IO.Directory.Exists(FolderOf(key)))
        {
            System.IO.Directory.Delete(FolderOf(key), recursive: true);
        }
    }

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

    private static string CheckedKey(string key) =>
        KeyPattern().IsMatch(key) ? key : throw new ArgumentException($"bad checkpoint key '{key}'", nameof(key));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex KeyPattern();
}
