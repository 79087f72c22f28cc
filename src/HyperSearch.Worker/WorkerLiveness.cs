namespace HyperSearch.Worker;

/// <summary>
/// Tells, on this machine, whether another worker's process is still alive, so that a worker restarted
/// after a crash (kill -9, OOM kill) takes its predecessor's trials back at once instead of waiting for
/// their leases to expire. Each worker holds an exclusive lock on its own file,
/// "&lt;temp&gt;/hypersearch-workers/&lt;worker id&gt;.alive", for as long as its process lives; the operating
/// system releases the lock when the process dies, however it dies. A file whose lock can be taken
/// belongs to a dead worker; one that is locked, to a live one. Process ids are not used: they are
/// reused, and workers in containers sharing a host name have their own.
/// </summary>
public sealed class WorkerLiveness : IDisposable
{
    private const string Extension = ".alive";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);
    private readonly string _folder;
    private FileStream? _own;
    private string? _ownPath;

    public WorkerLiveness(string? folder = null) =>
        _folder = folder ?? Path.Combine(Path.GetTempPath(), "hypersearch-workers");

    /// <summary>Takes this worker's lock. The file is locked under a temporary name and then renamed, so another worker never sees it unlocked.</summary>
    public void Claim(string workerId)
    {
        Directory.CreateDirectory(_folder);
        var path = PathOf(workerId);
        var pending = path + $".{Environment.ProcessId}.new";
        _own = new FileStream(pending, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        // The id itself, not the file name: a host name may hold characters a file name cannot.
        _own.Write(System.Text.Encoding.UTF8.GetBytes(workerId));
        _own.Flush();
        File.Move(pending, path, overwrite: true);
        _ownPath = path;
    }

    /// <summary>
    /// The workers whose file is here but not locked: their process is gone. Files of workers dead for
    /// over a week (of a database no worker here serves any more) are removed.
    /// </summary>
    public IReadOnlyList<string> FindDead()
    {
        if (!Directory.Exists(_folder)) return [];
        var dead = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            if (file == _ownPath) continue;
            try
            {
                string id;
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None))
                using (var reader = new StreamReader(stream))
                    id = reader.ReadToEnd();
                if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - StaleAfter) File.Delete(file);
                else if (id.Length > 0) dead.Add(id);
            }
            catch (IOException)
            {
                // Locked: that worker is alive (or the file just went away).
            }
            catch (UnauthorizedAccessException)
            {
                // Another account's worker: not ours to judge.
            }
        }
        return dead;
    }

    /// <summary>Removes a dead worker's file once its trials were taken back.</summary>
    public void Forget(string workerId)
    {
        try { File.Delete(PathOf(workerId)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>A clean stop: this worker handed everything back, so nobody needs to find it dead.</summary>
    public void Release()
    {
        Dispose();
        if (_ownPath is null) return;
        try { File.Delete(_ownPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Lets go of the lock and keeps the file: a successor on this machine then finds this worker dead.</summary>
    public void Dispose()
    {
        _own?.Dispose();
        _own = null;
    }

    // Worker ids are "<host>-<pid>-<hex>"; anything else in a host name becomes '_'.
    private string PathOf(string workerId) =>
        Path.Combine(_folder, string.Concat(workerId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')) + Extension);
}
